using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Host.Commands;

/// <summary>
/// The command line shared by <c>find</c>, <c>move</c> and <c>get</c>, modelled on DCMTK's findscu/movescu/getscu:
/// <c>AE@host:port [-P|-S] [-L LEVEL] [-k KEY[=VALUE]]... [--aet OUR-AE]</c> plus the options one command adds
/// (<c>--dest AE</c>, <c>--out DIR</c>). Keys are keywords (<c>PatientName</c>) or <c>gggg,eeee</c>; a key without
/// a value is a return key. The default model is Study Root; the default level is STUDY.
/// </summary>
internal sealed class QueryRetrieveArguments
{
    public required string CalledAeTitle { get; init; }

    public required string Host { get; init; }

    public required int Port { get; init; }

    public string CallingAeTitle { get; init; } = "PACSNODE";

    public bool PatientRoot { get; init; }

    public required DicomDataset Identifier { get; init; }

    /// <summary>Values of the extra options the command asked for (<c>--dest</c>, <c>--out</c>), by name.</summary>
    public required IReadOnlyDictionary<string, string> Extra { get; init; }

    /// <summary>Parses <paramref name="args"/>; <paramref name="extraOptions"/> are the options with a value that
    /// this command takes besides the shared ones.</summary>
    /// <exception cref="UsageException">The command line is wrong.</exception>
    public static QueryRetrieveArguments Parse(string[] args, params string[] extraOptions)
    {
        string? peer = null;
        string callingAe = "PACSNODE";
        bool patientRoot = false;
        string? level = null;
        var keys = new List<(DicomTag Tag, DicomVR VR, string Value)>();
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "-P" or "--patient":
                    patientRoot = true;
                    break;
                case "-S" or "--study":
                    patientRoot = false;
                    break;
                case "-L" or "--level":
                    level = Value(args, ref i).ToUpperInvariant();
                    break;
                case "-k" or "--key":
                    keys.Add(ParseKey(Value(args, ref i)));
                    break;
                case "--aet":
                    callingAe = Value(args, ref i);
                    break;
                default:
                    if (extraOptions.Contains(arg, StringComparer.Ordinal))
                    {
                        extra[arg] = Value(args, ref i);
                    }
                    else if (arg.StartsWith('-') || peer is not null)
                    {
                        throw new UsageException($"unexpected argument '{arg}'");
                    }
                    else
                    {
                        peer = arg;
                    }

                    break;
            }
        }

        (string ae, string host, int port) = ParsePeer(peer ?? throw new UsageException("the peer AE@host:port is required"));
        var identifier = new DicomDataset();
        foreach ((DicomTag tag, DicomVR vr, string value) in keys)
        {
            identifier.SetString(tag, vr, value);
        }

        if (level is not null || !identifier.Contains(DicomTag.QueryRetrieveLevel))
        {
            level ??= "STUDY";
            if (level is not ("PATIENT" or "STUDY" or "SERIES" or "IMAGE"))
            {
                throw new UsageException($"-L takes PATIENT, STUDY, SERIES or IMAGE, not '{level}'");
            }

            identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, level);
        }

        return new QueryRetrieveArguments
        {
            CalledAeTitle = ae,
            Host = host,
            Port = port,
            CallingAeTitle = callingAe,
            PatientRoot = patientRoot,
            Identifier = identifier,
            Extra = extra,
        };
    }

    /// <summary>"AE@host:port".</summary>
    private static (string Ae, string Host, int Port) ParsePeer(string text)
    {
        int at = text.IndexOf('@', StringComparison.Ordinal);
        int colon = text.LastIndexOf(':');
        if (at <= 0 || colon < at + 2 || at > 16
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new UsageException($"'{text}' is not AE@host:port (AE 1-16 characters, port 1-65535)");
        }

        return (text[..at], text[(at + 1)..colon], port);
    }

    /// <summary>"Keyword=value", "gggg,eeee=value", or either without "=value" (a return key).</summary>
    private static (DicomTag Tag, DicomVR VR, string Value) ParseKey(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        string name = (equals < 0 ? text : text[..equals]).Trim();
        string value = equals < 0 ? string.Empty : text[(equals + 1)..];
        DicomDictionaryEntry? entry = DicomTag.TryParse(name, out DicomTag tag)
            ? DicomDictionary.Lookup(tag)
            : DicomDictionary.LookupKeyword(name);
        if (entry is null || entry.Tag.Group == 0x0000 || entry.VR is DicomVR.SQ)
        {
            throw new UsageException($"-k {text}: '{name}' is not a dictionary keyword or tag of a non-sequence attribute");
        }

        return (entry.Tag, entry.VR, value);
    }

    private static string Value(string[] args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value");
}
