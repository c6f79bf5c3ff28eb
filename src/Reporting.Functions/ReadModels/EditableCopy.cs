namespace Reporting.Functions.ReadModels;

/// <summary>A .docx made on request for someone who goes on in WPS or Word: its bytes and its Chinese and ASCII file names.</summary>
public sealed record EditableCopy(byte[] Content, string FileName, string AsciiFileName);
