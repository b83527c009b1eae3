namespace Gandse.Methods.Gan;

/// <summary>
/// What a checkpoint records of its ranking head (<see cref="RankingHead"/>): its shape, what it was fitted on, and
/// how well it did on validation conditions, so <c>checkpoint info</c> can say so.
/// </summary>
/// <param name="DesignWidth">Width of the one-hot designs it reads.</param>
/// <param name="Features">Width of the condition features it reads.</param>
/// <param name="Bounds">The inputs it reads beside design and features, in order (<see cref="RankingHeadRows.InputNames"/>).</param>
/// <param name="Metrics">The modelled metrics it predicts, in order.</param>
/// <param name="Hidden">Width of its hidden layers.</param>
/// <param name="Layers">Its hidden layers.</param>
/// <param name="Steps">Fitting steps.</param>
/// <param name="Conditions">Training conditions whose proposals it was fitted on.</param>
/// <param name="Candidates">Candidates drawn per condition and temperature.</param>
/// <param name="Temperatures">Sampling temperatures the candidates were drawn at.</param>
/// <param name="Rows">Labelled candidates it was fitted on (all exact evaluations of training time).</param>
/// <param name="ValAbsLog2Error">Validation: mean |log2 error| of the predicted primary metric.</param>
/// <param name="ValTopOneRatio">Validation: geometric mean of best candidate's cost over the cost of the one it rated best (1 when it always picks the best).</param>
/// <param name="ValFeasibleAccuracy">Validation: share of candidates whose constraint prediction was right.</param>
/// <param name="Seconds">Time to sample, label and fit.</param>
public sealed record RankingHeadInfo(
    int DesignWidth,
    int Features,
    IReadOnlyList<string> Bounds,
    IReadOnlyList<string> Metrics,
    int Hidden,
    int Layers,
    int Steps,
    int Conditions,
    int Candidates,
    IReadOnlyList<double> Temperatures,
    long Rows,
    double ValAbsLog2Error,
    double ValTopOneRatio,
    double ValFeasibleAccuracy,
    double Seconds);
