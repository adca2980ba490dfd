using System.Text;

namespace PacsNode.Host.Commands;

/// <summary>The top-level usage text shared by <c>pacsnode help</c> and usage errors.</summary>
internal static class UsageText
{
    public static string Build(IReadOnlyList<ICommand> commands)
    {
        var width = 0;
        foreach (var command in commands)
        {
            width = Math.Max(width, command.Name.Length);
        }

        var text = new StringBuilder();
        text.AppendLine("usage: pacsnode <command> [arguments]");
        text.AppendLine();
        text.AppendLine("commands:");
        foreach (var command in commands)
        {
            text.Append("  ").Append(command.Name.PadRight(width)).Append("  ").AppendLine(command.Summary);
        }

        text.AppendLine();
        text.AppendLine("Run 'pacsnode help <command>' for the arguments of one command.");
        return text.ToString();
    }
}
