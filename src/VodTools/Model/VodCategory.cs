namespace VodTools.Model
{
    /// <summary>
    /// A VOD media category. <see cref="CateId"/> binds to the CateId parameters of Find-VodMedia, Set-VodMedia,
    /// Register-VodMedia and Remove-VodCategory.
    /// </summary>
    public sealed class VodCategory
    {
        public long CateId { get; set; }
        public string CateName { get; set; } = string.Empty;
        /// <summary>-1 for a level-1 category.</summary>
        public long ParentId { get; set; } = -1;
        /// <summary>0 for a level-1 category; VOD allows three levels (0, 1, 2).</summary>
        public int Level { get; set; }
        /// <summary><c>default</c> (audio and video) or <c>material</c>.</summary>
        public string? Type { get; set; }
        /// <summary>How many subcategories it has, when VOD said.</summary>
        public long? SubTotal { get; set; }
        /// <summary>The names from level 1 down to this one, joined by '/', e.g. Films/Drama.</summary>
        public string? Path { get; set; }

        public override string ToString() => Path ?? CateName;
    }
}
