namespace Gandse.Workloads.Networks;

/// <summary>AlexNet at 224 × 224 in torchvision's single-tower form (Krizhevsky, 2014, "One weird trick…").</summary>
public static class AlexNet
{
    /// <summary>AlexNet at 224 x 224.</summary>
    public static Network Build() => new NetworkBuilder(224, 224, 3)
        .Conv("conv1", 11, 64, stride: 4, padding: 2).Pool(3, 2)
        .Conv("conv2", 5, 192).Pool(3, 2)
        .Conv("conv3", 3, 384).Conv("conv4", 3, 256).Conv("conv5", 3, 256).Pool(3, 2)
        .FullyConnected("fc6", 4096, flatten: true).FullyConnected("fc7", 4096).FullyConnected("fc8", 1000)
        .Build("alexnet");
}
