namespace Gandse.CostModels.Systolic;

/// <summary>How output-stationary compute cycles count the per-fold fill and drain.</summary>
public enum OsFillConvention
{
    /// <summary>SCALE-Sim v2: (R + C + T − 2) · F, each fold's output drain overlapping the next fold.</summary>
    ScaleSimV2,

    /// <summary>The SCALE-Sim ISPASS 2020 paper: (2R + C + T − 2) · F.</summary>
    Paper,
}
