using PacsNode.Host.Commands;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Commands;

/// <summary>The shared <c>--data</c>/<c>--config</c> handling of reindex, jobs, results and patient.</summary>
public sealed class DataFolderOptionTests
{
    [Fact]
    public void TryTake_DataAndConfigAmongOtherArguments_TakesThemWithTheirValuesOnly()
    {
        using var temp = new TempDirectory("data-folder-option");
        string[] args = ["--json", "--config", temp.Combine("absent.json"), "--data", temp.FullPath, "X"];
        var option = new DataFolderOption();
        var others = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!option.TryTake(args, ref i))
            {
                others.Add(args[i]);
            }
        }

        Assert.Equal(["--json", "X"], others);

        // --data wins over the configuration, which is then not read (the file does not exist).
        Assert.Equal(Path.GetFullPath(temp.FullPath), option.Resolve());
    }

    [Theory]
    [InlineData("--data")]
    [InlineData("--config")]
    public void TryTake_OptionWithoutValue_NamesTheOption(string name)
    {
        var option = new DataFolderOption();
        string[] args = ["--json", name];
        var i = 1;
        UsageException exception = Assert.Throws<UsageException>(() => option.TryTake(args, ref i));
        Assert.Equal($"{name} needs a value", exception.Message);
    }

    [Fact]
    public void Resolve_MissingConfigFile_NamesIt()
    {
        using var temp = new TempDirectory("data-folder-option");
        string[] args = ["--config", temp.Combine("absent.json")];
        var option = new DataFolderOption();
        var i = 0;
        Assert.True(option.TryTake(args, ref i));
        CommandException exception = Assert.Throws<CommandException>(option.Resolve);
        Assert.Contains(temp.Combine("absent.json"), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExistingIndexPath_FolderWithoutIndex_SaysThereIsNoIndex()
    {
        using var temp = new TempDirectory("data-folder-option");
        CommandException exception = Assert.Throws<CommandException>(() => DataFolderOption.ExistingIndexPath(temp.FullPath));
        Assert.StartsWith("no index at ", exception.Message, StringComparison.Ordinal);
    }
}
