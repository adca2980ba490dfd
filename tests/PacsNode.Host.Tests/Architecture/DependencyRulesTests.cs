using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Architecture;

/// <summary>
/// STYLE.md 3.1: dependencies point one way. Each src assembly's metadata references are checked against the
/// table below, so a sideways reference (Storage → Network, SR → Network, anything → Hosting) fails the build.
/// </summary>
public sealed class DependencyRulesTests
{
    private const string Dicom = "PacsNode.Dicom";
    private const string Network = "PacsNode.Dicom.Network";
    private const string StructuredReport = "PacsNode.StructuredReport";
    private const string Storage = "PacsNode.Storage";
    private const string Quantification = "PacsNode.Quantification";
    private const string Pipeline = "PacsNode.Pipeline";
    private const string Host = "PacsNode.Host";

    /// <summary>Project (folder) name → assembly name, for the projects whose assembly is named otherwise.</summary>
    private static readonly Dictionary<string, string> AssemblyNames = new(StringComparer.Ordinal)
    {
        [Host] = "pacsnode",
    };

    /// <summary>Which of our projects each project may reference. Planned projects are listed too.</summary>
    private static readonly Dictionary<string, string[]> AllowedProjects = new(StringComparer.Ordinal)
    {
        [Dicom] = [],
        [Network] = [Dicom],
        [StructuredReport] = [Dicom],
        [Storage] = [Dicom],
        [Quantification] = [Dicom],
        [Pipeline] = [Dicom, Network, StructuredReport, Storage, Quantification],
        [Host] = [Dicom, Network, StructuredReport, Storage, Quantification, Pipeline],
    };

    /// <summary>Third-party assembly name prefixes that only one project may reference.</summary>
    private static readonly (string Prefix, string Owner)[] ExclusiveReferences =
    [
        ("ILGPU", Quantification),
        ("Microsoft.Extensions.Hosting", Host),
        ("Microsoft.Extensions.DependencyInjection", Host),
        ("Microsoft.Extensions.Configuration", Host),
    ];

    public static TheoryData<string> SrcProjects()
    {
        var projects = Directory.EnumerateDirectories(Repository.Path("src"))
            .Where(folder => Directory.EnumerateFiles(folder, "*.csproj").Any())
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(projects);
    }

    [Theory]
    [MemberData(nameof(SrcProjects))]
    public void SrcProject_Any_HasAnEntryInTheDependencyTable(string project)
    {
        Assert.True(
            AllowedProjects.ContainsKey(project),
            $"src/{project} is not in DependencyRulesTests.AllowedProjects; add it with the projects it may use.");
    }

    [Theory]
    [MemberData(nameof(SrcProjects))]
    public void SrcProject_Any_ReferencesOnlyAllowedProjects(string project)
    {
        var allowed = AllowedProjects.GetValueOrDefault(project, []).Select(AssemblyNameOf).ToHashSet();
        var ours = AllowedProjects.Keys.Select(AssemblyNameOf).ToHashSet();

        var forbidden = ReferencesOf(project).Where(ours.Contains).Where(name => !allowed.Contains(name)).ToList();

        Assert.True(forbidden.Count == 0, $"{project} references {string.Join(", ", forbidden)}, which it may not.");
    }

    [Theory]
    [MemberData(nameof(SrcProjects))]
    public void SrcProject_Any_ReferencesExclusivePackagesOnlyWhenOwner(string project)
    {
        var violations = ReferencesOf(project)
            .SelectMany(reference => ExclusiveReferences
                .Where(rule => reference.StartsWith(rule.Prefix, StringComparison.Ordinal) && rule.Owner != project)
                .Select(rule => $"{reference} (only {rule.Owner} may reference {rule.Prefix}*)"))
            .ToList();

        Assert.True(violations.Count == 0, $"{project} references {string.Join("; ", violations)}.");
    }

    [Fact]
    public void DicomCore_Always_ReferencesNoMicrosoftExtensions()
    {
        var extensions = ReferencesOf(Dicom)
            .Where(name => name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            .ToList();

        Assert.True(extensions.Count == 0, $"The DICOM core must stay BCL-only; it references {string.Join(", ", extensions)}.");
    }

    private static string AssemblyNameOf(string project) => AssemblyNames.GetValueOrDefault(project, project);

    /// <summary>The names in the assembly's reference table, read from the file next to this test assembly.</summary>
    private static List<string> ReferencesOf(string project)
    {
        var path = Path.Combine(AppContext.BaseDirectory, AssemblyNameOf(project) + ".dll");
        Assert.True(
            File.Exists(path),
            $"{path} is missing: every src project must be referenced, directly or not, by PacsNode.Host.");

        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name))
            .ToList();
    }
}
