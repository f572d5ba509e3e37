using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.Models;
using SgAudit.Emulator;
using Server = SgAudit.Emulator.EmulatorServer;

namespace SgAudit.Tests.EmulatorServer;

/// <summary>Starts a served emulator on a free loopback port for one test.</summary>
internal static class ServedEmulator
{
    public static Task<Server> StartAsync(ModelDocument model, FaultInjection? faults = null, Func<ModelAccount, ICloudTrailApi?>? cloudTrail = null, TimeProvider? timeProvider = null) =>
        Server.StartAsync(
            new EmulatorServerOptions
            {
                Model = model,
                Port = 0,
                Faults = faults ?? FaultInjection.None,
                CloudTrailApiFactory = cloudTrail,
                TimeProvider = timeProvider ?? TimeProvider.System,
            },
            CancellationToken.None);

    public static Task<Server> StartDemoAsync(FaultInjection? faults = null) => StartAsync(ModelSource.LoadDemo().Document, faults);

    /// <summary>A model read from YAML text (docs/model.md).</summary>
    public static ModelDocument Model(string yaml) => ModelFileReader.Read("model.yaml", System.Text.Encoding.UTF8.GetBytes(yaml));
}
