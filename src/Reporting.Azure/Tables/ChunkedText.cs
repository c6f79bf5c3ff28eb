using Azure.Data.Tables;

namespace Reporting.Azure.Tables;

/// <summary>
/// Stores a long string across several properties of one entity. A Table string property holds at most
/// 64 KiB (32K UTF-16 units); a body of 200,000 characters needs several. Chunks never split a surrogate
/// pair, so each chunk is valid UTF-16 on its own.
/// </summary>
internal static class ChunkedText
{
    /// <summary>UTF-16 units per property: half the limit, leaving room for the service's own encoding.</summary>
    public const int ChunkLength = 16_000;

    public static void Write(TableEntity entity, string prefix, string text)
    {
        var index = 0;
        var start = 0;
        while (start < text.Length)
        {
            var length = Math.Min(ChunkLength, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1])) length--;
            entity[$"{prefix}{index++}"] = text.Substring(start, length);
            start += length;
        }
        entity[$"{prefix}Parts"] = index;
    }

    public static string Read(TableEntity entity, string prefix)
    {
        var parts = entity.GetInt32($"{prefix}Parts") ?? 0;
        return string.Concat(Enumerable.Range(0, parts).Select(i => entity.GetString($"{prefix}{i}")));
    }
}
