using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gandse.Methods.Gan;

/// <summary>A multilayer perceptron: <c>layers</c> hidden Linear + activation blocks, then a Linear output.</summary>
public sealed class Mlp : Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <summary>An MLP named <paramref name="name"/> with <paramref name="hiddenLayers"/> hidden layers of width <paramref name="hidden"/>; leaky ReLU activations when <paramref name="leaky"/>.</summary>
    public Mlp(string name, int inputs, int hidden, int hiddenLayers, int outputs, bool leaky)
        : base(name)
    {
        var modules = new List<(string, Module<Tensor, Tensor>)>();
        int width = inputs;
        for (int i = 0; i < hiddenLayers; i++)
        {
            modules.Add(($"linear{i}", Linear(width, hidden)));
            modules.Add(($"activation{i}", leaky ? LeakyReLU(0.2) : ReLU()));
            width = hidden;
        }

        modules.Add(("output", Linear(width, outputs)));
        layers = Sequential(modules);
        RegisterComponents();
    }

    /// <summary>The network's output for <paramref name="input"/>.</summary>
    public override Tensor forward(Tensor input) => layers.forward(input);
}
