using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System;

namespace VodTools.Commands.Pipeline
{
    /// <summary>Collects ids from the pipeline for a batch API (GetVideoInfos, DeleteVideo, GetTranscodeTask JobIds), once each, in input order.</summary>
    internal sealed class IdBatch
    {
        private readonly int _size;
        private readonly List<string> _ids = new List<string>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        public IdBatch(int size) => _size = size;

        /// <summary>Adds an id unless this batch already holds it; true when the batch is full.</summary>
        public bool Add(string id)
        {
            if (_seen.Add(id)) _ids.Add(id);
            return _ids.Count >= _size;
        }

        /// <summary>Empties the batch and returns what it held (possibly nothing).</summary>
        public IReadOnlyList<string> Take()
        {
            var ids = _ids.ToArray();
            _ids.Clear();
            _seen.Clear();
            return ids;
        }

        /// <summary>Writes, in batch order, the item the answer holds for each id, or an ObjectNotFound error (pipeline thread only).</summary>
        public static void WriteEach<T>(Cmdlet cmdlet, IReadOnlyList<string> ids, IReadOnlyList<T> found, Func<T, string> idOf, string what, string notFoundErrorId)
        {
            foreach (var id in ids)
            {
                var item = found.FirstOrDefault(f => idOf(f) == id);
                if (item != null) cmdlet.WriteObject(item);
                else cmdlet.WriteError(new ErrorRecord(new ItemNotFoundException($"VOD has no {what} {id}."), notFoundErrorId, ErrorCategory.ObjectNotFound, id));
            }
        }
    }
}
