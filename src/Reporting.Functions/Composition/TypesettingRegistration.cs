using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Azure.Storage;
using Reporting.Core.Documents;
using Reporting.Core.Drafts;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Seals;
using Reporting.Core.Templates;
using Reporting.Functions.Signing;
using Reporting.Typesetting;
using Reporting.Typesetting.Signing;
using static Reporting.Functions.ReportingServices;

namespace Reporting.Functions.Composition;

/// <summary>Typesetting and signing: the documents' words, the fonts, the signing key, the typesetter that signs, the organisations' seals.</summary>
internal static class TypesettingRegistration
{
    public static IServiceCollection AddReportingSigning(this IServiceCollection services, IConfiguration configuration, SettingsBinder settings,
        StorageOptions? storage)
    {
        // Fonts are loaded once at start-up: a missing font file stops the app here, naming the role and the file.
        var fonts = settings.Check.Read(AppSettingNames.FontDirectory + "、Typesetting__Fonts__<角色>__File", "字体",
            () => FontSet.Load(Bind<TypesettingOptions>(configuration, "Typesetting")));
        var signing = settings.Bind<SigningOptions>(configuration, SigningOptions.Section).Validated("签名设置", new SigningSettingsValidation());
        var signingKey = signing is null || storage is null ? null
            : settings.Check.Read(AppSettingNames.SigningCertificateFile, "签名证书", () => SigningKeys.Create(signing, storage, TimeProvider.System));
        // The documents' words (titles, subjects, file names, the date as written, the parts' headings): zh-CN, worded once in
        // Reporting.Typesetting; drafts are read by the same headings' numerals.
        services.AddSingleton<DocumentWords>();
        services.AddSingleton<IDocumentWording>(sp => sp.GetRequiredService<DocumentWords>());
        services.AddSingleton<ITemplateWording>(sp => sp.GetRequiredService<DocumentWords>());
        // Reports and volumes are sealed with the newest uploaded seal; the local host decorates this with its development seal.
        services.AddSingleton<IOrganisationSeals, StoredOrganisationSeals>();
        services.AddSingleton<SealAdministration>();
        if (fonts is null) return services;

        var typesetter = new GbtTypesetter(fonts);
        // Every stored report and volume is signed when a key is configured (the local host always has one; Bicep sets Key Vault's).
        if (signingKey is not null)
        {
            services.AddSingleton(signingKey);
            services.AddSingleton<IReportTypesetter>(sp => new SigningTypesetter(typesetter, signingKey, sp.GetRequiredService<TimeProvider>()));
        }
        else services.AddSingleton<IReportTypesetter>(typesetter);
        services.AddSingleton<IGlyphCoverage>(typesetter);
        return services;
    }
}
