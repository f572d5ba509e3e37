using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using SgAudit.Cli;
using YamlDotNet.RepresentationModel;

namespace SgAudit.Tests.GitHub;

/// <summary>
/// Reads every workflow and the composite action the way GitHub would and checks what they reference: pinned
/// actions, files, the SARIF they upload, permissions, inputs, outputs and the CLI options they pass. actionlint is
/// not available here, so these are the checks that matter for this repository.
/// </summary>
public sealed partial class WorkflowFileTests
{
    /// <summary>The only write scopes a job may hold, each for the one action that needs it.</summary>
    private static readonly Dictionary<string, string> WriteScopes = new(StringComparer.Ordinal)
    {
        ["security-events"] = "github/codeql-action/upload-sarif",
        ["id-token"] = "aws-actions/configure-aws-credentials",
    };

    [Fact]
    public void Should_HaveTheCiAndScheduledWorkflowsAndACompositeAction_When_TheRepositoryIsRead()
    {
        var workflows = GitHubFiles.Workflows();

        Assert.Contains(workflows, w => w.RelativePath == ".github/workflows/ci.yml");
        Assert.Contains(workflows, w => w.RelativePath == ".github/workflows/scheduled-scan.yml");
        Assert.All(workflows, w =>
        {
            Assert.NotNull(w.Root.Get("on"));
            Assert.NotEmpty(w.Jobs());
            Assert.All(w.Jobs(), job => Assert.NotNull(job.Node.Get("timeout-minutes")));
        });
        Assert.Equal("composite", GitHubFiles.Action().Root.Mapping("runs").Scalar("using"));
    }

    [Fact]
    public void Should_PinEveryRemoteActionToAFullCommitWithItsVersion_When_AFileUsesOne()
    {
        var problems = new List<string>();
        var versionsByCommit = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in GitHubFiles.All())
        {
            var lines = file.Text.Split('\n').Select((text, i) => (Text: text, Number: i + 1)).Where(l => UsesLine().IsMatch(l.Text)).ToList();

            // The line check sees every `uses` the parser sees (none hidden in flow style or a job-level call).
            var parsed = file.Steps().Select(s => s.Uses).OfType<string>()
                .Concat(file.Jobs().Select(j => j.Node.Scalar("uses")).OfType<string>()).Order(StringComparer.Ordinal);
            Assert.Equal(parsed, lines.Select(l => UsesLine().Match(l.Text).Groups["ref"].Value).Order(StringComparer.Ordinal));

            foreach (var (text, number) in lines)
            {
                if (UsesLine().Match(text).Groups["ref"].Value.StartsWith("./", StringComparison.Ordinal))
                {
                    continue;
                }

                var pin = PinnedUses().Match(text);
                if (!pin.Success)
                {
                    problems.Add($"{file.RelativePath}:{number}: '{text.Trim()}' is not pinned to a 40-hex commit with a '# vX.Y.Z' comment");
                    continue;
                }

                var commit = $"{pin.Groups["action"].Value}@{pin.Groups["sha"].Value}";
                versionsByCommit.TryAdd(commit, []);
                versionsByCommit[commit].Add(pin.Groups["version"].Value);
            }
        }

        Assert.Empty(problems);
        Assert.Contains(versionsByCommit.Keys, k => k.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal));
        Assert.All(versionsByCommit, pin => Assert.True(pin.Value.Count == 1, $"{pin.Key} is labelled {string.Join(" and ", pin.Value)}"));
    }

    [Fact]
    public void Should_ReferenceOnlyFilesThatExist_When_AStepNamesAnActionScriptProjectOrFile()
    {
        var checkedPaths = new List<string>();
        var missing = new List<string>();
        void Require(GitHubStep step, string relativePath)
        {
            checkedPaths.Add(relativePath);
            var full = Path.Combine(GitHubFiles.Root, relativePath);
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                missing.Add($"{step}: {relativePath}");
            }
        }

        foreach (var step in GitHubFiles.All().SelectMany(f => f.Steps()))
        {
            if (step.Action is { } action && action.StartsWith("./", StringComparison.Ordinal))
            {
                Require(step, Path.Combine(action, "action.yml"));

                // The action's file inputs are relative to the workspace: this repository's checkout.
                foreach (var input in new[] { "model", "config" })
                {
                    if (step.With.TryGetValue(input, out var path) && !path.Contains("${{", StringComparison.Ordinal))
                    {
                        Require(step, path);
                    }
                }
            }

            if (step.With.TryGetValue("global-json-file", out var globalJson))
            {
                Require(step, globalJson.Replace("${{ github.action_path }}/", "", StringComparison.Ordinal));
            }

            foreach (Match reference in RepositoryFileReference().Matches(step.Run ?? ""))
            {
                Require(step, reference.Groups["path"].Value);
            }
        }

        Assert.Empty(missing);
        Assert.Contains("global.json", checkedPaths);
        Assert.Contains(".github/scripts/action-scan.sh", checkedPaths);
        Assert.Contains(".ci/run", checkedPaths);
        Assert.Contains("src/SgAudit.Cli/SgAudit.Cli.csproj", checkedPaths);
        Assert.Contains("./action.yml", checkedPaths);
    }

    [Fact]
    public void Should_UploadOnlySarifThatAnEarlierStepOfTheJobWrites_When_AWorkflowUploadsToCodeScanning()
    {
        var actionOutputs = KeysOf(GitHubFiles.Action().Root.Mapping("outputs"));
        var uploads = 0;
        foreach (var job in GitHubFiles.Workflows().SelectMany(w => w.Steps()).GroupBy(s => (s.File, s.Job)))
        {
            var steps = job.ToList();
            foreach (var upload in steps.Where(s => s.Action == "github/codeql-action/upload-sarif"))
            {
                uploads++;
                var sarif = upload.With["sarif_file"];
                var earlier = steps.Take(upload.Index).ToList();
                var output = StepOutputExpression().Match(sarif);
                if (output.Success)
                {
                    // An output of this repository's action, set by an earlier step of the same job.
                    var producer = Assert.Single(earlier, s => s.Id == output.Groups["id"].Value);
                    Assert.Equal("./", producer.Action);
                    Assert.Equal("sarif", output.Groups["name"].Value);
                    Assert.Contains("sarif", actionOutputs);
                    continue;
                }

                // A path: report.sarif in the folder an earlier step writes its reports to.
                Assert.Equal("report.sarif", Path.GetFileName(sarif));
                var folder = Path.GetDirectoryName(sarif)!;
                Assert.True(
                    earlier.Any(s => (s.Action == "./" && s.With.GetValueOrDefault("out") == folder && s.With.GetValueOrDefault("formats", "sarif").Contains("sarif", StringComparison.Ordinal))
                        || (s.Run ?? "").Contains($"--out {folder}", StringComparison.Ordinal)),
                    $"{upload}: no earlier step of the job writes {sarif}");
            }
        }

        Assert.True(uploads >= 2, "ci.yml and scheduled-scan.yml both upload SARIF");
    }

    [Fact]
    public void Should_GrantEachJobOnlyThePermissionsItsStepsNeed_When_AWorkflowIsRead()
    {
        var problems = new List<string>();
        foreach (var workflow in GitHubFiles.Workflows())
        {
            // Nothing (or read) for the whole workflow: jobs widen it for themselves.
            if (workflow.Root.Get("permissions") is not YamlMappingNode top)
            {
                problems.Add($"{workflow.RelativePath}: no workflow-level permissions mapping ({{}} or read scopes)");
            }
            else if (top.Children.Values.Any(v => ((YamlScalarNode)v).Value is not ("read" or "none")))
            {
                problems.Add($"{workflow.RelativePath}: workflow-level permissions grant more than read");
            }

            foreach (var (name, node) in workflow.Jobs())
            {
                var where = $"{workflow.RelativePath} job {name}";
                if (node.Get("permissions") is not YamlMappingNode)
                {
                    problems.Add($"{where}: declares no permissions of its own");
                    continue;
                }

                var permissions = node.ScalarMap("permissions");
                var steps = workflow.Steps().Where(s => s.Job == name).ToList();
                var actions = steps.Select(s => s.Action).OfType<string>().ToHashSet(StringComparer.Ordinal);
                foreach (var (scope, level) in permissions.Where(p => p.Value == "write"))
                {
                    if (!WriteScopes.TryGetValue(scope, out var needer) || !actions.Contains(needer))
                    {
                        problems.Add($"{where}: {scope}: {level} without a step that needs it");
                    }
                }

                foreach (var (scope, needer) in WriteScopes.Where(w => actions.Contains(w.Value)))
                {
                    if (permissions.GetValueOrDefault(scope) != "write")
                    {
                        problems.Add($"{where}: uses {needer} without {scope}: write");
                    }
                }

                if (actions.Contains("actions/checkout") && permissions.GetValueOrDefault("contents") != "read")
                {
                    problems.Add($"{where}: checks out without contents: read");
                }

                var readsRuns = steps.Any(s => (s.Run ?? "").Contains("gh run ", StringComparison.Ordinal));
                if (readsRuns != (permissions.GetValueOrDefault("actions") == "read"))
                {
                    problems.Add($"{where}: actions: read is needed exactly when a step lists or downloads runs (gh run)");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Should_PassValuesToScriptsOnlyThroughTheEnvironment_When_AStepRunsAScript()
    {
        // ${{ }} in a script is pasted in before the shell parses it: an input, a branch name or an issue title
        // could inject commands. Values go through env: and are read as "$VAR".
        var interpolated = GitHubFiles.All().SelectMany(f => f.Steps())
            .Where(s => (s.Run ?? "").Contains("${{", StringComparison.Ordinal))
            .Select(s => s.ToString())
            .ToList();

        Assert.Empty(interpolated);
        Assert.Contains(GitHubFiles.Action().Steps(), s => s.Env.Values.Any(v => v.Contains("${{ inputs.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_DeclareEveryInputAndOutputTheActionUses_When_TheActionIsRead()
    {
        var action = GitHubFiles.Action();
        var inputs = KeysOf(action.Root.Mapping("inputs"));
        var runs = action.Root.Mapping("runs");
        var used = runs.AllScalars().SelectMany(s => InputReference().Matches(s.Value ?? "")).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        // Every input used is declared, and every declared input is used.
        Assert.Empty(used.Except(inputs));
        Assert.Empty(inputs.Except(used));

        // Every INPUT_* the scan script reads is set by the scan step, from the input of the same name.
        var scan = Assert.Single(action.Steps(), s => s.Id == "scan");
        var script = File.ReadAllText(GitHubFiles.ActionScanScript);
        var read = ScriptInputVariable().Matches(script).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(read.Order(StringComparer.Ordinal), scan.Env.Keys.Where(k => k.StartsWith("INPUT_", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(scan.Env.Where(e => e.Key.StartsWith("INPUT_", StringComparison.Ordinal)), e =>
            Assert.Equal($"${{{{ inputs.{e.Key["INPUT_".Length..].ToLowerInvariant().Replace('_', '-')} }}}}", e.Value));

        // Every output is set by a step of the action, under a name its scripts write.
        var written = WrittenOutput().Matches(script).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var stepIds = action.Steps().Select(s => s.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var output in action.Root.Mapping("outputs").Children)
        {
            var value = StepOutputExpression().Match(((YamlMappingNode)output.Value).Scalar("value") ?? "");
            Assert.True(value.Success, $"output {output.Key} has no steps.<id>.outputs.<name> value");
            Assert.Contains(value.Groups["id"].Value, stepIds);
            Assert.Contains(value.Groups["name"].Value, written);
        }
    }

    [Fact]
    public void Should_PassOnlyDeclaredInputsAndReadOnlyDeclaredOutputs_When_AWorkflowUsesTheAction()
    {
        var action = GitHubFiles.Action();
        var inputs = KeysOf(action.Root.Mapping("inputs"));
        var outputs = KeysOf(action.Root.Mapping("outputs"));
        var uses = 0;
        foreach (var workflow in GitHubFiles.Workflows())
        {
            var steps = workflow.Steps();
            foreach (var step in steps.Where(s => s.Action == "./"))
            {
                uses++;
                Assert.Empty(step.With.Keys.Except(inputs));
                Assert.NotNull(step.Id);
                var read = steps.Where(s => s.Job == step.Job && s.Index > step.Index)
                    .SelectMany(s => s.Node.AllScalars())
                    .SelectMany(s => StepOutputReference().Matches(s.Value ?? ""))
                    .Where(m => m.Groups["id"].Value == step.Id)
                    .Select(m => m.Groups["name"].Value)
                    .ToList();
                Assert.NotEmpty(read);
                Assert.Empty(read.Except(outputs));
            }
        }

        Assert.True(uses >= 3);
    }

    [Fact]
    public void Should_PassOnlyOptionsTheCliAccepts_When_TheActionOrAWorkflowRunsAScan()
    {
        var accepted = ScanOptions();
        var script = File.ReadAllText(GitHubFiles.ActionScanScript);
        var passed = ScriptArguments().Matches(script).SelectMany(m => CliOption().Matches(m.Groups["args"].Value)).Select(m => m.Value).ToList();
        var direct = GitHubFiles.All().SelectMany(f => f.Steps()).Select(s => s.Run ?? "")
            .SelectMany(run => DirectScan().Matches(run)).SelectMany(m => CliOption().Matches(m.Groups["rest"].Value)).Select(m => m.Value);

        Assert.Contains("--fail-on", passed);
        Assert.Contains("--role-arn", passed);
        Assert.Empty(passed.Concat(direct).Distinct(StringComparer.Ordinal).Except(accepted));
    }

    [Fact]
    public void Should_ScanEachAccountAndRegionOnAScheduleWithOidc_When_TheScheduledWorkflowIsRead()
    {
        var workflow = GitHubFiles.Workflows().Single(w => w.RelativePath.EndsWith("/scheduled-scan.yml", StringComparison.Ordinal));

        // A cron trigger, and one job per account and region.
        var schedule = Assert.IsType<YamlSequenceNode>(workflow.Root.Mapping("on").Get("schedule"));
        Assert.Matches(@"^\S+ \S+ \S+ \S+ \S+$", ((YamlMappingNode)Assert.Single(schedule.Children)).Scalar("cron"));
        var (jobName, job) = Assert.Single(workflow.Jobs());
        var matrix = job.Mapping("strategy").Mapping("matrix");
        Assert.Equal(["account", "region"], KeysOf(matrix).Order(StringComparer.Ordinal));
        var steps = workflow.Steps();

        // OIDC role assumption into the matrix account, in the matrix region.
        var credentials = Assert.Single(steps, s => s.Action == "aws-actions/configure-aws-credentials");
        Assert.Contains("${{ matrix.account }}", credentials.With["role-to-assume"], StringComparison.Ordinal);
        Assert.Equal("${{ matrix.region }}", credentials.With["aws-region"]);
        Assert.False(credentials.With.ContainsKey("aws-access-key-id"), "OIDC, not stored keys");
        Assert.Equal("write", job.ScalarMap("permissions")["id-token"]);

        // The action scans that region after the previous report is downloaded, against it as the baseline, and diffs.
        var scan = Assert.Single(steps, s => s.Action == "./");
        Assert.Equal("aws", scan.With["source"]);
        Assert.Equal("${{ matrix.region }}", scan.With["regions"]);
        Assert.Equal("false", scan.With["gate"]);
        var previous = Path.GetDirectoryName(scan.With["previous-report"])!;
        Assert.Equal(scan.With["previous-report"], scan.With["baseline"]); // only findings new since the previous run fail the gate
        Assert.Contains(steps.Take(scan.Index), s => (s.Run ?? "").Contains($"--dir {previous}", StringComparison.Ordinal) && s.Env.GetValueOrDefault("ARTIFACT") is { } artifact && artifact.Contains("${{ matrix.account }}", StringComparison.Ordinal) && artifact.Contains("${{ matrix.region }}", StringComparison.Ordinal));

        // Reports as an artifact per pair (the next run's previous report), one SARIF category per pair, gate last.
        var artifact = Assert.Single(steps, s => s.Action == "actions/upload-artifact");
        var download = steps.First(s => s.Env.ContainsKey("ARTIFACT"));
        Assert.Equal(download.Env["ARTIFACT"], artifact.With["name"]);
        var sarif = Assert.Single(steps, s => s.Action == "github/codeql-action/upload-sarif");
        Assert.Equal("sgaudit/${{ matrix.account }}/${{ matrix.region }}", sarif.With["category"]);
        Assert.Contains("steps.scan.outputs.partial == 'false'", sarif.If, StringComparison.Ordinal);
        Assert.Contains("steps.scan.outputs.exit-code", steps[^1].If, StringComparison.Ordinal);
        Assert.Equal("scan", jobName);
    }

    [Fact]
    public void Should_DocumentEveryInputAndOutput_When_TheReadmeDescribesTheAction()
    {
        var readme = File.ReadAllText(Path.Combine(GitHubFiles.Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("\n## Use in CI\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no 'Use in CI' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        var action = GitHubFiles.Action();

        Assert.All(KeysOf(action.Root.Mapping("inputs")).Concat(KeysOf(action.Root.Mapping("outputs"))), name => Assert.Contains($"`{name}`", section, StringComparison.Ordinal));
        Assert.All(new[] { "**Pipeline gate.**", "**Scheduled scan.**", "**SARIF upload.**" }, use => Assert.Contains(use, section, StringComparison.Ordinal));
    }

    /// <summary>The names and aliases of `sgaudit scan`'s options, from the command definition itself.</summary>
    private static HashSet<string> ScanOptions()
    {
        var build = typeof(CliApp).GetMethod("BuildCommands", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("CliApp.BuildCommands was renamed: update this test's lookup.");
        var root = (RootCommand)build.Invoke(null, new object?[build.GetParameters().Length])!;
        var scan = root.Subcommands.Single(c => c.Name == "scan");
        return [.. scan.Options.SelectMany(o => o.Aliases.Prepend(o.Name))];
    }

    private static HashSet<string> KeysOf(YamlMappingNode node) => [.. node.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)];

    [GeneratedRegex(@"^\s*(-\s+)?uses:\s*(?<ref>\S+)")]
    private static partial Regex UsesLine();

    [GeneratedRegex(@"^\s*(-\s+)?uses:\s*(?<action>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?)@(?<sha>[0-9a-f]{40})\s+#\s*(?<version>v\d+(\.\d+){0,2})\s*$")]
    private static partial Regex PinnedUses();

    /// <summary>Files a script names: repository scripts and project files, also under $GITHUB_ACTION_PATH/.</summary>
    [GeneratedRegex(@"(?<![\w/.-])(?:\$GITHUB_ACTION_PATH/)?(?<path>(?:\.github/scripts/|\.ci/|scripts/|src/|tests/)[A-Za-z0-9_./-]*[A-Za-z0-9_])")]
    private static partial Regex RepositoryFileReference();

    [GeneratedRegex(@"^\$\{\{\s*steps\.(?<id>[\w-]+)\.outputs\.(?<name>[\w-]+)\s*\}\}$")]
    private static partial Regex StepOutputExpression();

    [GeneratedRegex(@"steps\.(?<id>[\w-]+)\.outputs\.(?<name>[\w-]+)")]
    private static partial Regex StepOutputReference();

    [GeneratedRegex(@"\binputs\.(?<name>[\w-]+)")]
    private static partial Regex InputReference();

    [GeneratedRegex(@"\bINPUT_[A-Z_]+")]
    private static partial Regex ScriptInputVariable();

    /// <summary>Outputs the scripts append to $GITHUB_OUTPUT: `echo "name=…"` and jq's `"name=\(…)"`.</summary>
    [GeneratedRegex(@"""(?<name>[a-z][a-z-]*)=(\$|\\\()")]
    private static partial Regex WrittenOutput();

    [GeneratedRegex(@"\bargs\+?=\((?<args>[^)]*)\)")]
    private static partial Regex ScriptArguments();

    [GeneratedRegex(@"(?:--\s+scan|sgaudit(?:\.dll""?)?\s+scan)\b(?<rest>[^\n]*)")]
    private static partial Regex DirectScan();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex CliOption();
}
