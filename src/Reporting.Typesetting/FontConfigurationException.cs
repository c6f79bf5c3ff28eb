namespace Reporting.Typesetting;

/// <summary>The font configuration cannot be used (a file is missing or unreadable); start-up stops with it.</summary>
public sealed class FontConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
