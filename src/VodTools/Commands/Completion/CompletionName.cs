namespace VodTools.Commands.Completion
{
    /// <summary>One value a completer offers, and the words that describe it (a template group's name for its id).</summary>
    internal readonly struct CompletionName
    {
        public CompletionName(string value, string? label = null)
        {
            Value = value;
            Label = string.IsNullOrEmpty(label) || label == value ? value : label!;
        }

        public string Value { get; }
        public string Label { get; }
    }
}
