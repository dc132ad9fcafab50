namespace VodTools.Api.Credentials
{
    /// <summary>An environment variable's value and the name it was found under.</summary>
    public sealed class EnvironmentValue
    {
        public EnvironmentValue(string name, string value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }

        public string Value { get; }
    }
}
