using System.Collections.Generic;
using System;

namespace VodTools.Commands.Pipeline
{
    /// <summary>
    /// Gathers pipeline items, in input order, into the calls of a batch API (RegisterMedia, UpdateVideoInfos,
    /// GetVideoInfos, DeleteVideo, GetTranscodeTask's JobIds, UploadMediaByURL) and hands each full batch to the sender.
    /// Where items have a key, one call never carries it twice: a repeated key is dropped (the call answers it once), or,
    /// where each input is to have its own answer, goes in the next call.
    /// </summary>
    internal sealed class Batch<T>
    {
        private readonly int _size;
        private readonly Func<T, string>? _keyOf;
        private readonly Action<IReadOnlyList<T>> _send;
        private readonly bool _sendRepeats;
        private readonly List<T> _items = new List<T>();
        private readonly HashSet<string> _keys = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Items a call may carry more than once.</summary>
        /// <param name="size">The most items one call takes.</param>
        /// <param name="send">Makes the call; runs on the caller's thread, inside <see cref="Add"/> or <see cref="Flush"/>.</param>
        public Batch(int size, Action<IReadOnlyList<T>> send) : this(size, null, send, sendRepeats: false)
        {
        }

        /// <summary>Items with a key that a call must not carry twice (an id, a file URL).</summary>
        /// <param name="size">The most items one call takes.</param>
        /// <param name="keyOf">The item's key.</param>
        /// <param name="send">Makes the call; runs on the caller's thread, inside <see cref="Add"/> or <see cref="Flush"/>.</param>
        /// <param name="sendRepeats">True: an item whose key the batch holds starts the next call; false: it is dropped.</param>
        public Batch(int size, Func<T, string>? keyOf, Action<IReadOnlyList<T>> send, bool sendRepeats)
        {
            _size = size;
            _keyOf = keyOf;
            _send = send;
            _sendRepeats = sendRepeats;
        }

        /// <summary>Adds an item, sending the batch once it is full.</summary>
        public void Add(T item)
        {
            var key = _keyOf?.Invoke(item);
            if (key != null && _keys.Contains(key))
            {
                if (!_sendRepeats) return;
                Flush();
            }
            _items.Add(item);
            if (key != null) _keys.Add(key);
            if (_items.Count >= _size) Flush();
        }

        /// <summary>Sends what the batch holds, if anything.</summary>
        public void Flush()
        {
            if (_items.Count == 0) return;
            var items = _items.ToArray();
            _items.Clear();
            _keys.Clear();
            _send(items);
        }
    }
}
