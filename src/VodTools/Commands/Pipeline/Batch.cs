using System.Collections.Generic;
using System;

namespace VodTools.Commands.Pipeline
{
    /// <summary>
    /// Gathers pipeline items, in input order, into the calls of a batch API (RegisterMedia, UpdateVideoInfos,
    /// GetVideoInfos, DeleteVideo, GetTranscodeTask's JobIds) and hands each full batch to the sender. One call never
    /// carries a key twice: a repeated key is dropped (the call answers it once), or, where each input is to have its own
    /// answer, goes in the next call.
    /// </summary>
    internal sealed class Batch<T>
    {
        private readonly int _size;
        private readonly Func<T, string> _keyOf;
        private readonly Action<IReadOnlyList<T>> _send;
        private readonly bool _sendRepeats;
        private readonly List<T> _items = new List<T>();
        private readonly HashSet<string> _keys = new HashSet<string>(StringComparer.Ordinal);

        /// <param name="size">The most items one call takes.</param>
        /// <param name="keyOf">What the call must not carry twice (an id, a file URL).</param>
        /// <param name="send">Makes the call; runs on the caller's thread, inside <see cref="Add"/> or <see cref="Flush"/>.</param>
        /// <param name="sendRepeats">True: an item whose key the batch holds starts the next call; false: it is dropped.</param>
        public Batch(int size, Func<T, string> keyOf, Action<IReadOnlyList<T>> send, bool sendRepeats)
        {
            _size = size;
            _keyOf = keyOf;
            _send = send;
            _sendRepeats = sendRepeats;
        }

        /// <summary>Adds an item, sending the batch once it is full.</summary>
        public void Add(T item)
        {
            var key = _keyOf(item);
            if (_keys.Contains(key))
            {
                if (!_sendRepeats) return;
                Flush();
            }
            _items.Add(item);
            _keys.Add(key);
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
