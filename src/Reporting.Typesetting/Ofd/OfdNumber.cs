using System.Globalization;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// Lengths in the OFD are millimetres to a thousandth, held as whole micrometres while a page is written: a run's
/// DeltaX values are differences of rounded positions (a stretch of equal steps aside, see OfdPageContent), so the
/// rounding never adds up along a line.
/// </summary>
internal static class OfdNumber
{
    public const double PointsPerMm = 72 / 25.4;

    public static long Micrometres(double points) => (long)Math.Round(points / PointsPerMm * 1000, MidpointRounding.AwayFromZero);

    public static string Mm(long micrometres)
    {
        var sign = micrometres < 0 ? "-" : "";
        var whole = Math.Abs(micrometres);
        var fraction = whole % 1000;
        var integer = (whole / 1000).ToString(CultureInfo.InvariantCulture);
        if (fraction == 0) return sign + integer;
        return sign + integer + "." + fraction.ToString("000", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    public static string Mm(double points) => Mm(Micrometres(points));
}
