namespace VodTools.Api.Endpoints
{
    /// <summary>
    /// Which network the endpoints are reached from. Alibaba calls the private endpoints "vpc" for the RPC
    /// services and "internal" for OSS; both values select the private endpoint of every service.
    /// </summary>
    public enum EndpointNetwork
    {
        Public,
        Vpc,
        Internal,
    }
}
