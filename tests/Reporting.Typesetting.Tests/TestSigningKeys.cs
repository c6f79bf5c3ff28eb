using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Reporting.Typesetting.Signing;

namespace Reporting.Typesetting.Tests;

/// <summary>A self-signed RSA-2048 certificate made once for the signing tests, loaded the way the app loads one: from PKCS#12 bytes.</summary>
internal static class TestSigningKeys
{
    public const string Subject = "CN=魏都区法治政府建设报告系统（测试）, O=魏都区（测试）";

    public static readonly Lazy<byte[]> Pfx = new(() =>
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(Subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2034, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return certificate.Export(X509ContentType.Pfx, "测试口令");
    });

    public static Pkcs12SigningKey Load() => Pkcs12SigningKey.Load(Pfx.Value, "测试口令");
}

/// <summary>Counts the key's sign calls (one per file is the promise Key Vault's limits are reckoned with).</summary>
internal sealed class CountingKey(IDocumentSigningKey inner) : IDocumentSigningKey
{
    public int Calls { get; private set; }

    public IReadOnlyList<X509Certificate2> CertificateChain => inner.CertificateChain;

    public byte[] SignSha256(ReadOnlySpan<byte> digest)
    {
        Calls++;
        return inner.SignSha256(digest);
    }
}
