namespace Reporting.Core.Access;

/// <summary>What a member may do: write or approve one department's report, or work for the district office.</summary>
public enum MemberRole
{
    Author,
    Approver,
    Office,
    OfficeAdmin,
}
