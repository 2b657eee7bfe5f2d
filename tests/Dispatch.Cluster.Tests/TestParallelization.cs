// Each test runs several node processes; on a small machine they run one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
