namespace Reporting.Functions.Http;

/// <summary>
/// The origin PDF links redirect to (the blob service's, <c>http://127.0.0.1:10000</c> on Azurite): a form whose post
/// ends in such a redirect must allow it in its Content-Security-Policy.
/// </summary>
public sealed record PdfLinkOrigin(string Origin);
