namespace Reporting.Functions.Wording;

/// <summary>
/// Reasons this layer itself refuses a request (sign-in, request decoding, uploads, read models), beside Core's
/// <see cref="Core.Errors.RefusalCode"/>. The comment on each names its arguments, in order.
/// </summary>
public static class EdgeRefusalCode
{
    // Sign-in and cross-site protection.
    /// <summary>(string signInPath, string headerName)</summary>
    public const string SignInRequiredDevelopment = "edge.sign-in-required-development";
    public const string SignInRequired = "edge.sign-in-required";
    public const string CrossSiteRefused = "edge.cross-site-refused";
    /// <summary>(string origin, shortened)</summary>
    public const string ForeignOriginRefused = "edge.foreign-origin-refused";
    public const string ReturnUrlNotLocal = "edge.return-url-not-local";
    public const string DevelopmentUserUnknown = "edge.development-user-unknown";

    // Routes and methods.
    public const string RouteNotFound = "edge.route-not-found";
    /// <summary>(string method, IReadOnlyList&lt;string&gt; allowed)</summary>
    public const string MethodNotAllowed = "edge.method-not-allowed";

    // Request bodies.
    public const string ContentTypeUnsupported = "edge.content-type-unsupported";
    public const string FieldNotUtf8 = "edge.field-not-utf8";
    public const string JsonNotObject = "edge.json-not-object";
    /// <summary>(string field, JsonValueKind expected, JsonValueKind actual)</summary>
    public const string JsonKindMismatch = "edge.json-kind-mismatch";
    public const string JsonLoneSurrogate = "edge.json-lone-surrogate";
    public const string MultipartNoBoundary = "edge.multipart-no-boundary";
    public const string MultipartBroken = "edge.multipart-broken";
    /// <summary>(string field, shortened; long megabytes)</summary>
    public const string FieldTooLarge = "edge.field-too-large";
    /// <summary>(int max)</summary>
    public const string TooManyFields = "edge.too-many-fields";
    /// <summary>(long megabytes)</summary>
    public const string RequestTooLarge = "edge.request-too-large";

    // Draft files (.txt, .docx).
    /// <summary>(string extension)</summary>
    public const string FileTypeOldWord = "edge.file-type-old-word";
    /// <summary>(string extension)</summary>
    public const string FileTypeUnknown = "edge.file-type-unknown";
    public const string TextFileEncoding = "edge.text-file-encoding";
    /// <summary>(int max)</summary>
    public const string DocxTextTooLong = "edge.docx-text-too-long";
    /// <summary>(long megabytes, int ratio)</summary>
    public const string DocxInflatesTooFar = "edge.docx-inflates-too-far";
    /// <summary>(int count, int max)</summary>
    public const string DocxTooManyParts = "edge.docx-too-many-parts";
    public const string DocxNoBody = "edge.docx-no-body";
    public const string DocxUnreadable = "edge.docx-unreadable";

    // PDF upload for 核验.
    public const string UploadNotMultipart = "edge.upload-not-multipart";
    /// <summary>(int max)</summary>
    public const string UploadTooManyParts = "edge.upload-too-many-parts";
    public const string UploadBroken = "edge.upload-broken";
    public const string UploadFileMissing = "edge.upload-file-missing";
    public const string UploadFileEmpty = "edge.upload-file-empty";
    public const string UploadNotPdf = "edge.upload-not-pdf";
    /// <summary>(long megabytes)</summary>
    public const string UploadTooLarge = "edge.upload-too-large";

    /// <summary>(int year, string department name, int version)</summary>
    public const string ReportOfdMissing = "edge.report-ofd-missing";
    /// <summary>(int year, int version)</summary>
    public const string VolumeOfdMissing = "edge.volume-ofd-missing";

    // 印章管理: a seal image and the organisations that may have one.
    /// <summary>(SealImageProblem problem)</summary>
    public const string SealImageRefused = "edge.seal-image-refused";
    /// <summary>(string code, as sent)</summary>
    public const string SealOrganisationUnknown = "edge.seal-organisation-unknown";
    /// <summary>(string organisation name, int version)</summary>
    public const string SealVersionMissing = "edge.seal-version-missing";
    /// <summary>(string organisation name)</summary>
    public const string SealMissing = "edge.seal-missing";
    public const string SealVersionNotPositive = "edge.seal-version-not-positive";
    public const string SealFileMissing = "edge.seal-file-missing";
    public const string SealFormFieldTooLong = "edge.seal-form-field-too-long";

    // 审核草稿 shown for a version that cannot be decided any more.
    /// <summary>(int version)</summary>
    public const string ReviewSuperseded = "edge.review-superseded";
    /// <summary>(int version, string status: submitted, approved, rejected)</summary>
    public const string ReviewAlreadyDecided = "edge.review-already-decided";

    // 批量审核 with nothing chosen.
    public const string BatchNothingChosen = "edge.batch-nothing-chosen";

    // Read models.
    /// <summary>(int version)</summary>
    public const string PartVersionNotFound = "edge.part-version-not-found";
    /// <summary>(int year, string department)</summary>
    public const string PdfNotYetAssembled = "edge.pdf-not-yet-assembled";
    /// <summary>(int year, string department, int version)</summary>
    public const string PdfVersionNotFound = "edge.pdf-version-not-found";
    /// <summary>(int year)</summary>
    public const string VolumeNotYetAssembled = "edge.volume-not-yet-assembled";
    /// <summary>(int year, int version)</summary>
    public const string VolumeVersionNotFound = "edge.volume-version-not-found";
}
