using VodTools.Model;

namespace VodTools.Services.Buckets
{
    /// <summary>One step of the authorisation: the resource as it now is and what was done to it.</summary>
    public sealed class AccessStep<T>
    {
        public AccessStep(T resource, VodAccessChange change)
        {
            Resource = resource;
            Change = change;
        }

        public T Resource { get; }
        public VodAccessChange Change { get; }
    }
}
