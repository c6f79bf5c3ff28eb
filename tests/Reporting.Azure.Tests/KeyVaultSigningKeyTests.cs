using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Azure;
using Azure.Security.KeyVault.Certificates;
using Azure.Security.KeyVault.Keys.Cryptography;
using Reporting.Azure.Signing;
using Reporting.TestSupport;
using Reporting.Typesetting.Signing;
using Xunit;

namespace Reporting.Azure.Tests;

/// <summary>
/// The Key Vault signing key against stand-ins for the vault's two clients (Key Vault itself has no local emulator): the
/// certificate's public part comes from certificates/read, the signature from one RS256 sign call with the certificate's key.
/// </summary>
public sealed class KeyVaultSigningKeyTests : IDisposable
{
    private readonly RSA _vaultKey = RSA.Create(2048);
    private readonly X509Certificate2 _certificate;
    private readonly FakeVault _vault;

    public KeyVaultSigningKeyTests()
    {
        var request = new CertificateRequest("CN=魏都区人民政府（测试）", _vaultKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        _vault = new FakeVault(_certificate, _vaultKey);
    }

    [Fact]
    public void A_PDF_signed_with_the_vault_key_is_valid_and_costs_one_RS256_sign_call()
    {
        var key = new KeyVaultSigningKey(_vault.Certificates, "district-signing", _vault.Cryptography, new ManualClock(DateTimeOffset.UtcNow));
        var signed = new PadesSigner(key).Sign(MinimalPdf(), DateTimeOffset.UtcNow);

        Assert.Equal([SignatureAlgorithm.RS256], _vault.SignCalls);
        Assert.Equal(["district-signing"], _vault.CertificateReads);
        Assert.Equal(new Uri("https://vault.example/keys/district-signing/v1"), _vault.KeyIds.Single());
        var path = Path.Combine(Path.GetTempPath(), $"keyvault-signed-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, signed);
        try
        {
            var (output, error) = Pdfsig(path);
            Assert.True(output.Contains("Signature is Valid.", StringComparison.Ordinal), output + error);
            Assert.Contains("Total document signed", output);
            Assert.Contains("Signer Certificate Common Name: 魏都区人民政府（测试）", output);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_certificate_is_read_once_an_hour_so_a_renewed_one_is_picked_up_without_a_restart()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var key = new KeyVaultSigningKey(_vault.Certificates, "district-signing", _vault.Cryptography, clock);
        Assert.Equal(_certificate.RawData, key.CertificateChain.Single().RawData);
        key.SignSha256(SHA256.HashData("一"u8));
        clock.Advance(TimeSpan.FromMinutes(59));
        key.SignSha256(SHA256.HashData("二"u8));
        Assert.Single(_vault.CertificateReads);
        clock.Advance(TimeSpan.FromMinutes(2));
        key.SignSha256(SHA256.HashData("三"u8));
        Assert.Equal(2, _vault.CertificateReads.Count);
        Assert.Equal(3, _vault.SignCalls.Count);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _vaultKey.Dispose();
    }

    /// <summary>One page, a classic cross-reference table: what the finisher's output looks like to the signer.</summary>
    private static byte[] MinimalPdf()
    {
        var objects = new[]
        {
            "<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<<>>>>",
        };
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<</Size {objects.Length + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    private static (string Output, string Error) Pdfsig(string path)
    {
        var start = new ProcessStartInfo("/usr/bin/pdfsig", [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (output.Result, error);
    }

    /// <summary>The vault's certificate and key: GetCertificate gives the CER and the versioned key id; Sign signs with the key.</summary>
    private sealed class FakeVault(X509Certificate2 certificate, RSA key)
    {
        public X509Certificate2 Certificate { get; } = certificate;
        public RSA Key { get; } = key;

        public List<string> CertificateReads { get; } = [];
        public List<SignatureAlgorithm> SignCalls { get; } = [];
        public List<Uri> KeyIds { get; } = [];

        public CertificateClient Certificates => new FakeCertificateClient(this);

        public CryptographyClient Cryptography(Uri keyId)
        {
            KeyIds.Add(keyId);
            return new FakeCryptographyClient(this, keyId);
        }

        private sealed class FakeCertificateClient(FakeVault vault) : CertificateClient
        {
            public override Response<KeyVaultCertificateWithPolicy> GetCertificate(string certificateName, CancellationToken cancellationToken = default)
            {
                vault.CertificateReads.Add(certificateName);
                var properties = CertificateModelFactory.CertificateProperties(new Uri($"https://vault.example/certificates/{certificateName}/v1"),
                    certificateName);
                var value = CertificateModelFactory.KeyVaultCertificateWithPolicy(properties,
                    new Uri($"https://vault.example/keys/{certificateName}/v1"), new Uri($"https://vault.example/secrets/{certificateName}/v1"),
                        vault.Certificate.RawData);
                return Response.FromValue(value, null!);
            }
        }

        private sealed class FakeCryptographyClient(FakeVault vault, Uri keyId) : CryptographyClient
        {
            public override SignResult Sign(SignatureAlgorithm algorithm, byte[] digest, CancellationToken cancellationToken = default)
            {
                vault.SignCalls.Add(algorithm);
                var signature = vault.Key.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                return global::Azure.Security.KeyVault.Keys.CryptographyModelFactory.SignResult(keyId.ToString(), signature, algorithm);
            }
        }
    }
}
