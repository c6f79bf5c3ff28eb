namespace Reporting.Core.Errors;

public enum ProblemKind
{
    Validation,
    NotFound,
    Conflict,
    UnsupportedMediaType,
    PayloadTooLarge,
    Forbidden,
    Unauthorized,
    MethodNotAllowed,
}
