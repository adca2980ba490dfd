namespace PacsNode.Storage.Files;

/// <summary>What a Success to a C-STORE promises the instance survives.</summary>
public enum StorageDurability
{
    /// <summary>
    /// A power loss or kernel crash (the default): the file, its folder entry and the index commit are fsynced before
    /// Success (SQLite synchronous=FULL). Costs three flushes to the device per instance.
    /// </summary>
    PowerLoss,

    /// <summary>
    /// The death of the node's process (kill -9, an unhandled crash): the file is written and renamed and the index
    /// committed in WAL mode with synchronous=NORMAL, all in the operating system's cache, before Success; nothing is
    /// flushed to the device. A power loss can lose the instances of the last seconds. For storage whose write cache
    /// is already protected (battery-backed controllers) or for throughput-first receivers.
    /// </summary>
    ProcessCrash,
}
