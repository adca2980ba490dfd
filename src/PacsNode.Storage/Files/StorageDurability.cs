namespace PacsNode.Storage.Files;

/// <summary>What a Success to a C-STORE promises the instance survives.</summary>
public enum StorageDurability
{
    /// <summary>
    /// A power loss or kernel crash (the default): before Success the instance is appended to the store journal and
    /// that append flushed to the device (one flush, shared by concurrent stores); its file, folder entries and index
    /// row are flushed by the journal checkpoint about a second later, and replayed from the journal after a power
    /// loss. Instances over half a journal segment (32 MiB) are flushed in place instead (file, folder) before Success.
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
