namespace Reporting.Functions.ReadModels;

/// <summary>An approver by user id, and by name where the product knows it.</summary>
public sealed record Approver(string UserId, string? Name)
{
    /// <summary>What a page calls them: the name, else the id an administrator gave them.</summary>
    public string Shown => Name ?? UserId;

    /// <summary>Four-eyes: nobody decides a draft they wrote.</summary>
    public bool MayDecide(string? authorId) => UserId != authorId;
}
