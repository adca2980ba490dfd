using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.IO;
using PacsNode.Host.Quantify;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Volume;

namespace PacsNode.Host.Commands;

/// <summary>
/// <c>pacsnode quantify DIR [--rtstruct FILE | --seg FILE] [--liver X,Y,Z] [--json] [--accelerator NAME]</c>: SUV
/// factors with provenance, the liver reference (found, or centred where <c>--liver</c> says, in patient mm), and one
/// entry per VOI (the reader's, or automatically detected lesions) for the PET series in DIR. Exit 1 with the SUV calculator's (or volume's, or VOI reader's) reason when it cannot.
/// </summary>
internal sealed class QuantifyCommand : ICommand
{
    public string Name => "quantify";

    public string Summary => "Measure the PET series in a folder: SUV factors, liver, lesions or RTSTRUCT/SEG VOIs";

    public string Usage => "quantify DIR [--rtstruct FILE | --seg FILE] [--liver X,Y,Z] [--json] [--accelerator auto|cuda|opencl|cpu|parallel|reference]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        (string folder, string? rtstruct, string? seg, bool json, string accelerator, PatientVector? liver) = Parse(args);
        using IVolumeKernels kernels = KernelSelection.Create(accelerator);
        IReadOnlyList<(string Path, DicomFile Header)> headers = await PetSeriesLoader.ReadHeadersAsync(folder, cancellationToken);
        SuvResult suv = SuvCalculator.Calculate([.. headers.Select(h => h.Header.Dataset)]);
        if (!suv.IsSuccess)
        {
            throw new CommandException($"SUV not computable: {suv.Failure.Reason}: {suv.Failure.Message}");
        }

        var request = new QuantifyRequest
        {
            RtStruct = rtstruct is null ? null : await ReadAsync(rtstruct, cancellationToken),
            Seg = seg is null ? null : await ReadAsync(seg, cancellationToken),
            LiverCentre = liver,
        };
        IReadOnlyList<DicomFile> files = await PetSeriesLoader.ReadFullAsync(headers.Select(h => h.Path), cancellationToken);
        QuantifyResult result = await new PetQuantifier(kernels).QuantifyAsync(files, request, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new CommandException($"{result.Failure.Stage} {result.Failure.Reason}: {result.Failure.Message}");
        }

        string output = json ? QuantifyJson.Write(result) + Environment.NewLine : QuantifyText.Write(result);
        await Console.Out.WriteAsync(output.AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }

    private static async Task<DicomDataset> ReadAsync(string path, CancellationToken cancellationToken) =>
        (await FileArguments.OpenAsync(path, false, cancellationToken)).Dataset;

    private static (string Folder, string? RtStruct, string? Seg, bool Json, string Accelerator, PatientVector? Liver) Parse(string[] args)
    {
        string? folder = null, rtstruct = null, seg = null;
        PatientVector? liver = null;
        string accelerator = "auto";
        bool json = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--rtstruct":
                    rtstruct = Value(args, ref i);
                    break;
                case "--seg":
                    seg = Value(args, ref i);
                    break;
                case "--liver":
                    liver = Point(Value(args, ref i));
                    break;
                case "--accelerator":
                    accelerator = Value(args, ref i);
                    if (!KernelSelection.Names.Contains(accelerator, StringComparer.Ordinal))
                    {
                        throw new UsageException($"unknown accelerator '{accelerator}' (expected one of {string.Join(", ", KernelSelection.Names)})");
                    }

                    break;
                default:
                    if (args[i].StartsWith('-') || folder is not null)
                    {
                        throw new UsageException($"unexpected argument '{args[i]}'");
                    }

                    folder = args[i];
                    break;
            }
        }

        if (folder is null)
        {
            throw new UsageException("a DIR holding one PET series is required");
        }

        if (rtstruct is not null && seg is not null)
        {
            throw new UsageException("give --rtstruct or --seg, not both");
        }

        return (folder, rtstruct, seg, json, accelerator, liver);
    }

    private static PatientVector Point(string text)
    {
        string[] parts = text.Split(',');
        double[] values = new double[3];
        if (parts.Length != 3 || !parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])).All(ok => ok))
        {
            throw new UsageException($"--liver needs X,Y,Z in patient mm, not '{text}'");
        }

        return new PatientVector(values[0], values[1], values[2]);
    }

    private static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length)
        {
            throw new UsageException($"{args[i]} needs a value");
        }

        return args[++i];
    }
}
