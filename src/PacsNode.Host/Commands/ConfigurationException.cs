namespace PacsNode.Host.Commands;

/// <summary>
/// A setting is wrong: a value on the command line, in a configuration file or in the environment. One line on
/// stderr naming the setting, exit code 2.
/// </summary>
internal sealed class ConfigurationException : Exception
{
    public ConfigurationException()
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
