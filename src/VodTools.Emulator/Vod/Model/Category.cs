namespace VodTools.Emulator.Vod;

/// <summary>A media category (AddCategory): three levels at most, 100 subcategories each; names need not be unique.</summary>
internal sealed class Category
{
    public const string Kind = "vod-category";

    public long CateId { get; set; }
    public string CateName { get; set; } = "";
    public long ParentId { get; set; } = -1;
    public int Level { get; set; }
    public string Type { get; set; } = "default";
    public DateTimeOffset CreationTime { get; set; }
}
