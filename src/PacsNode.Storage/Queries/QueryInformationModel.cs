namespace PacsNode.Storage.Queries;

/// <summary>The Q/R information model of the C-FIND SOP class used (PS3.4 C.6).</summary>
public enum QueryInformationModel
{
    /// <summary>Patient Root: PATIENT, STUDY, SERIES, IMAGE; unique keys of all higher levels are required.</summary>
    PatientRoot,

    /// <summary>Study Root: STUDY (with patient attributes), SERIES, IMAGE.</summary>
    StudyRoot,
}
