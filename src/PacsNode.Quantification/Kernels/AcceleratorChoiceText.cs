namespace PacsNode.Quantification.Kernels;

/// <summary>The command-line and configuration spelling of <see cref="AcceleratorChoice"/>: auto, cuda, opencl, cpu, parallel, reference.</summary>
public static class AcceleratorChoiceText
{
    /// <summary>The accepted words, in the order of the enum, for help text and error messages.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "cuda", "opencl", "cpu", "parallel", "reference"];

    /// <summary>Reads a choice, ignoring case and surrounding blanks; false for anything else.</summary>
    public static bool TryParse(string? text, out AcceleratorChoice choice)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "AUTO":
                choice = AcceleratorChoice.Auto;
                return true;
            case "CUDA":
                choice = AcceleratorChoice.Cuda;
                return true;
            case "OPENCL":
                choice = AcceleratorChoice.OpenCl;
                return true;
            case "CPU":
                choice = AcceleratorChoice.Cpu;
                return true;
            case "PARALLEL":
                choice = AcceleratorChoice.Parallel;
                return true;
            case "REFERENCE":
                choice = AcceleratorChoice.Reference;
                return true;
            default:
                choice = AcceleratorChoice.Auto;
                return false;
        }
    }

    /// <summary>Reads a choice or throws <see cref="FormatException"/> naming the accepted words.</summary>
    public static AcceleratorChoice Parse(string? text) => TryParse(text, out AcceleratorChoice choice)
        ? choice
        : throw new FormatException($"Unknown accelerator '{text}'; expected one of: {string.Join(", ", Names)}.");

    /// <summary>The word for a choice, as <see cref="Parse"/> reads it.</summary>
    public static string Format(AcceleratorChoice choice) => choice switch
    {
        AcceleratorChoice.Auto => "auto",
        AcceleratorChoice.Cuda => "cuda",
        AcceleratorChoice.OpenCl => "opencl",
        AcceleratorChoice.Cpu => "cpu",
        AcceleratorChoice.Parallel => "parallel",
        AcceleratorChoice.Reference => "reference",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown accelerator choice."),
    };
}
