using System.Buffers.Binary;
using System.Text;

namespace Reporting.Typesetting.Archive;

/// <summary>
/// An sRGB IEC 61966-2.1 ICC profile (version 2.1, display class), made in code for the PDF/A output intent, so that no
/// profile file has to be shipped: the Bradford-adapted D50 primaries of sRGB and its tone curve as 1,024-entry tables.
/// </summary>
internal static class SrgbProfile
{
    public const string Name = "sRGB IEC61966-2.1";

    private static readonly Lazy<byte[]> Bytes = new(Build);

    public static byte[] Data => Bytes.Value;

    private static byte[] Build()
    {
        var curve = Curve();
        var tags = new List<(string Signature, byte[] Data)>
        {
            ("desc", Description(Name)),
            ("cprt", Text("No copyright, use freely")),
            ("wtpt", Xyz(0.9642, 1.0, 0.8249)),
            ("rXYZ", Xyz(0.4361, 0.2225, 0.0139)),
            ("gXYZ", Xyz(0.3851, 0.7169, 0.0971)),
            ("bXYZ", Xyz(0.1431, 0.0606, 0.7141)),
            ("rTRC", curve),
            ("gTRC", curve),
            ("bTRC", curve),
        };
        var tableSize = 4 + 12 * tags.Count;
        var offsets = new List<int>();
        var at = 128 + tableSize;
        foreach (var (_, data) in tags)
        {
            offsets.Add(at);
            at += (data.Length + 3) & ~3;
        }
        var profile = new byte[at];
        var span = profile.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, profile.Length);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], 0x02100000); // version 2.1
        Ascii("mntr", span[12..]);
        Ascii("RGB ", span[16..]);
        Ascii("XYZ ", span[20..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[24..], 2000); // date: 2000-01-01 00:00:00
        BinaryPrimitives.WriteUInt16BigEndian(span[26..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(span[28..], 1);
        Ascii("acsp", span[36..]);
        BinaryPrimitives.WriteUInt32BigEndian(span[64..], 0); // rendering intent: perceptual
        Fixed(0.9642, span[68..]); // the PCS illuminant, D50
        Fixed(1.0, span[72..]);
        Fixed(0.8249, span[76..]);
        BinaryPrimitives.WriteInt32BigEndian(span[128..], tags.Count);
        for (var i = 0; i < tags.Count; i++)
        {
            var entry = span[(132 + 12 * i)..];
            Ascii(tags[i].Signature, entry);
            BinaryPrimitives.WriteInt32BigEndian(entry[4..], offsets[i]);
            BinaryPrimitives.WriteInt32BigEndian(entry[8..], tags[i].Data.Length);
            tags[i].Data.CopyTo(span[offsets[i]..]);
        }
        return profile;
    }

    /// <summary>The sRGB transfer function, linear below 0.04045.</summary>
    private static byte[] Curve()
    {
        const int entries = 1024;
        var data = new byte[12 + 2 * entries];
        Ascii("curv", data);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(8), entries);
        for (var i = 0; i < entries; i++)
        {
            var v = i / (double)(entries - 1);
            var linear = v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(12 + 2 * i), (ushort)Math.Round(linear * 65535));
        }
        return data;
    }

    private static byte[] Xyz(double x, double y, double z)
    {
        var data = new byte[20];
        Ascii("XYZ ", data);
        Fixed(x, data.AsSpan(8));
        Fixed(y, data.AsSpan(12));
        Fixed(z, data.AsSpan(16));
        return data;
    }

    /// <summary>textDescriptionType (ICC v2): the ASCII name, and empty Unicode and ScriptCode parts.</summary>
    private static byte[] Description(string text)
    {
        var ascii = Encoding.ASCII.GetBytes(text + "\0");
        var data = new byte[12 + ascii.Length + 4 + 4 + 2 + 1 + 67];
        Ascii("desc", data);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(8), ascii.Length);
        ascii.CopyTo(data, 12);
        return data;
    }

    private static byte[] Text(string text)
    {
        var ascii = Encoding.ASCII.GetBytes(text + "\0");
        var data = new byte[8 + ascii.Length];
        Ascii("text", data);
        ascii.CopyTo(data, 8);
        return data;
    }

    private static void Fixed(double value, Span<byte> at) => BinaryPrimitives.WriteInt32BigEndian(at, (int)Math.Round(value * 65536));

    private static void Ascii(string text, Span<byte> at) => Encoding.ASCII.GetBytes(text, at);
}
