using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Reporting.Functions;

namespace Reporting.LocalHost;

/// <summary>
/// The local host signs every stored PDF, as Azure does, with a development certificate: .local/signing/dev-signing.pfx
/// (made by .ci/setup with openssl; made here, the same way, when a checkout has not run it). Self-signed, so pdfsig
/// calls the signature valid and its issuer unknown; the subject says 测试 so nobody takes it for the district's.
/// </summary>
internal static class DevelopmentSigning
{
    public const string Subject = "CN=魏都区法治政府建设报告系统（测试）, O=魏都区（测试）";

    /// <summary>Points Signing:CertificateFile at the development certificate unless a key is configured, making the file if missing.</summary>
    public static void UseDevelopmentCertificate(IConfiguration configuration)
    {
        var file = Key(AppSettingNames.SigningCertificateFile);
        if (!string.IsNullOrWhiteSpace(configuration[file]) || !string.IsNullOrWhiteSpace(configuration[Key(AppSettingNames.SigningKeyVaultUri)])) return;
        var path = Path.Combine(Directory.GetCurrentDirectory(), ".local", "signing", "dev-signing.pfx");
        if (!File.Exists(path)) Create(path);
        configuration[file] = path;
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(Subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        // Written to a temporary name and moved: two hosts starting at once never read a half-written file.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, certificate.Export(X509ContentType.Pfx, ""));
        try { File.Move(temp, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { File.Delete(temp); }
    }

    private static string Key(string appSetting) => appSetting.Replace("__", ":", StringComparison.Ordinal);
}
