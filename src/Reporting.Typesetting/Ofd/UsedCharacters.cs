using System.Numerics;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// The characters drawn with one face, as a bit per code point in blocks of 4,096 made when first touched: adding is
/// a shift and an or (it happens for every glyph of the document), and the set reads back in code point order, as the
/// subset's cmap wants it. A report touches a handful of blocks, 512 bytes each.
/// </summary>
internal sealed class UsedCharacters
{
    private const int BlockBits = 12;
    private const int WordsPerBlock = (1 << BlockBits) / 64;

    private readonly ulong[]?[] _blocks = new ulong[]?[(0x10FFFF >> BlockBits) + 1];

    public void Add(int codePoint)
    {
        var block = _blocks[codePoint >> BlockBits] ??= new ulong[WordsPerBlock];
        var bit = codePoint & ((1 << BlockBits) - 1);
        block[bit >> 6] |= 1UL << (bit & 63);
    }

    /// <summary>The code points added, ascending, each once.</summary>
    public int[] ToArray()
    {
        var codePoints = new List<int>();
        for (var b = 0; b < _blocks.Length; b++)
        {
            if (_blocks[b] is not { } block) continue;
            for (var w = 0; w < WordsPerBlock; w++)
            {
                for (var word = block[w]; word != 0; word &= word - 1)
                    codePoints.Add((b << BlockBits) + (w << 6) + BitOperations.TrailingZeroCount(word));
            }
        }
        return [.. codePoints];
    }
}
