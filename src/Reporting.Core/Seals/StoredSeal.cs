using Reporting.Core.Access;


namespace Reporting.Core.Seals;

/// <summary>One stored version of an organisation's seal image.</summary>
/// <param name="Created">True when this call stored it; false when it was there already (a repeated upload).</param>
public sealed record StoredSeal(string Organisation, int Version, string Sha256, long Length, DateTimeOffset StoredAt, Caller UploadedBy, bool Created = false);

/// <summary>A stored seal version with its PNG.</summary>
public sealed record SealFile(StoredSeal Seal, byte[] Png);
