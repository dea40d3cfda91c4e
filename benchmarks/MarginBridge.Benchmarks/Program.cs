using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(MarginBridge.Benchmarks.SampleBooks).Assembly).Run(args);
