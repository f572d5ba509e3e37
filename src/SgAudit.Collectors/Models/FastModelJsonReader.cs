using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Json;
using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Collectors.Models;

/// <summary>
/// Reads a JSON model straight off a <see cref="Utf8JsonReader"/> into the same objects
/// <see cref="StrictModelJsonContext"/> produces, about twice as fast and with repeated values (protocols, CIDRs,
/// owner and VPC ids) shared instead of allocated a million times (docs/performance.md).
/// </summary>
/// <remarks>
/// It only takes the well-trodden path: on anything unusual (an unknown or escaped key on a model object, a duplicate
/// key, a null list item, a value of an unexpected type, a syntax error) it gives up and returns null, and the caller
/// reads the file with System.Text.Json, which produces the same model or the exact error message and place. A
/// property someone adds to a model class is therefore safe too: until this reader knows it, such files simply take
/// the slower path. Rare nested shapes (VPCs, network ACLs, interface attachments) are read by System.Text.Json
/// from the same reader.
/// </remarks>
internal sealed class FastModelJsonReader
{
    /// <summary>Values at most this long are shared; ids longer than this are nearly always unique.</summary>
    private const int MaxSharedLength = 48;

    /// <summary>Bounds the table of shared values on pathological input.</summary>
    private const int MaxSharedValues = 200_000;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>Items per unit of parallel work in the lists of groups and interfaces; fewer items are read in line.</summary>
    internal const int ItemsPerChunk = 512;

    private static readonly byte[][] DocumentNames = Names("version", "accounts");
    private static readonly byte[][] AccountNames = Names("id", "name", "error", "regions");
    private static readonly byte[][] ErrorNames = Names("code", "message");
    private static readonly byte[][] RegionNames = Names("name", "error", "vpcs", "securityGroups", "networkInterfaces", "networkAcls", "trails", "cloudTrailEvents", "cloudTrailLookups");
    private static readonly byte[][] GroupNames = Names("GroupId", "GroupName", "Description", "VpcId", "OwnerId", "SecurityGroupArn", "Tags", "IpPermissions", "IpPermissionsEgress");
    private static readonly byte[][] PermissionNames = Names("IpProtocol", "FromPort", "ToPort", "IpRanges", "Ipv6Ranges", "PrefixListIds", "UserIdGroupPairs");
    private static readonly byte[][] IpRangeNames = Names("CidrIp", "Description");
    private static readonly byte[][] Ipv6RangeNames = Names("CidrIpv6", "Description");
    private static readonly byte[][] PrefixListNames = Names("PrefixListId", "Description");
    private static readonly byte[][] PairNames = Names("GroupId", "GroupName", "UserId", "VpcId", "VpcPeeringConnectionId", "PeeringStatus", "Description");
    private static readonly byte[][] TagNames = Names("Key", "Value");
    private static readonly byte[][] InterfaceNames = Names(
        "NetworkInterfaceId", "Groups", "InterfaceType", "Status", "VpcId", "SubnetId", "AvailabilityZone", "Description", "OwnerId",
        "RequesterId", "RequesterManaged", "PrivateIpAddress", "Attachment", "Association", "TagSet");
    private static readonly byte[][] GroupIdentifierNames = Names("GroupId", "GroupName");

    /// <summary>The whole input: the lists of groups and interfaces are read item by item from their own slices of it.</summary>
    private readonly ReadOnlyMemory<byte> _json;

    /// <summary>Where in <see cref="_json"/> the outer reader's input starts; it moves on after each list read in parallel.</summary>
    private int _offset;

    /// <summary>
    /// Readers for parallel workers, kept across lists so each keeps its table of shared values (the root reader's).
    /// A stack, not a ConcurrentBag: a bag keeps its items in thread-local storage, which holds them (and through them
    /// the whole file's bytes) past the read until a finalizer has run, so the collection after collect often kept the
    /// 185 MiB file of the 100,000-group model alive (docs/performance.md).
    /// </summary>
    private readonly ConcurrentStack<FastModelJsonReader> _workers = [];

    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _sharedLookup;

    // Delegates made once: a method group passed per list would allocate one per group and permission.
    private readonly JsonItemReader<ModelAccount> _readAccount;
    private readonly JsonItemReader<ModelRegion> _readRegion;
    private readonly JsonItemReader<SecurityGroupShape> _readGroup;
    private readonly JsonItemReader<IpPermissionShape> _readPermission;
    private readonly JsonItemReader<IpRangeShape> _readIpRange;
    private readonly JsonItemReader<Ipv6RangeShape> _readIpv6Range;
    private readonly JsonItemReader<PrefixListIdShape> _readPrefixList;
    private readonly JsonItemReader<UserIdGroupPairShape> _readPair;
    private readonly JsonItemReader<TagShape> _readTag;
    private readonly JsonItemReader<NetworkInterfaceShape> _readInterface;
    private readonly JsonItemReader<GroupIdentifierShape> _readGroupIdentifier;
    private readonly JsonItemReader<VpcShape> _readVpc = static (ref Utf8JsonReader r) => JsonSerializer.Deserialize(ref r, StrictModelJsonContext.Default.VpcShape)!;
    private readonly JsonItemReader<NetworkAclShape> _readAcl = static (ref Utf8JsonReader r) => JsonSerializer.Deserialize(ref r, StrictModelJsonContext.Default.NetworkAclShape)!;

    private FastModelJsonReader(ReadOnlyMemory<byte> json)
    {
        _json = json;
        _sharedLookup = _shared.GetAlternateLookup<ReadOnlySpan<char>>();
        _readAccount = ReadAccount;
        _readRegion = ReadRegion;
        _readGroup = ReadGroup;
        _readPermission = ReadPermission;
        _readIpRange = ReadIpRange;
        _readIpv6Range = ReadIpv6Range;
        _readPrefixList = ReadPrefixList;
        _readPair = ReadPair;
        _readTag = ReadTag;
        _readInterface = ReadInterface;
        _readGroupIdentifier = ReadGroupIdentifier;
    }

    /// <summary>The model, or null when the input needs System.Text.Json (which then decides: same model, or an error).</summary>
    public static ModelDocument? TryRead(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var document = new FastModelJsonReader(json).ReadDocument(ref reader);
            return reader.Read() ? null : document; // anything after the root: let System.Text.Json say what
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null; // e.g. text that is not valid UTF-16 once unescaped
        }
    }

    private ModelDocument ReadDocument(ref Utf8JsonReader reader)
    {
        var document = new ModelDocument();
        var seen = 0;
        while (NextProperty(ref reader))
        {
            switch (Match(ref reader, DocumentNames, ref seen, strict: true))
            {
                case 0:
                    document.Version = reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version) ? version : throw GiveUp();
                    break;
                default:
                    document.Accounts = ReadList(ref reader, _readAccount) ?? throw GiveUp();
                    break;
            }
        }

        return document;
    }

    private ModelAccount ReadAccount(ref Utf8JsonReader reader)
    {
        var account = new ModelAccount();
        var seen = 0;
        while (NextProperty(ref reader))
        {
            switch (Match(ref reader, AccountNames, ref seen, strict: true))
            {
                case 0: account.Id = ReadString(ref reader); break;
                case 1: account.Name = ReadString(ref reader); break;
                case 2: account.Error = ReadError(ref reader); break;
                default: account.Regions = ReadList(ref reader, _readRegion) ?? throw GiveUp(); break;
            }
        }

        return account;
    }

    private static ModelError? ReadError(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw GiveUp();
        }

        var error = new ModelError();
        var seen = 0;
        while (NextProperty(ref reader))
        {
            switch (Match(ref reader, ErrorNames, ref seen, strict: true))
            {
                case 0: error.Code = ReadString(ref reader); break;
                default: error.Message = ReadString(ref reader); break;
            }
        }

        return error;
    }

    private ModelRegion ReadRegion(ref Utf8JsonReader reader)
    {
        var region = new ModelRegion();
        var seen = 0;
        while (NextProperty(ref reader))
        {
            switch (Match(ref reader, RegionNames, ref seen, strict: true))
            {
                case 0: region.Name = ReadString(ref reader); break;
                case 1: region.Error = ReadError(ref reader); break;
                case 2: region.Vpcs = ReadList(ref reader, _readVpc); break;
                case 3: region.SecurityGroups = ReadListInParallel(ref reader, static r => r._readGroup); break;
                case 4: region.NetworkInterfaces = ReadListInParallel(ref reader, static r => r._readInterface); break;
                case 5: region.NetworkAcls = ReadList(ref reader, _readAcl); break;

                // CloudTrail data is small next to the EC2 lists: the serializer reads it, with the same checks.
                case 6: region.Trails = reader.Read() ? JsonSerializer.Deserialize(ref reader, StrictModelJsonContext.Default.ListModelTrail) : throw GiveUp(); break;
                case 7: region.CloudTrailEvents = reader.Read() ? JsonSerializer.Deserialize(ref reader, StrictModelJsonContext.Default.ListCloudTrailEventShape) : throw GiveUp(); break;
                default: region.CloudTrailLookups = reader.Read() ? JsonSerializer.Deserialize(ref reader, StrictModelJsonContext.Default.ListString) : throw GiveUp(); break;
            }
        }

        return region;
    }

    private SecurityGroupShape ReadGroup(ref Utf8JsonReader reader)
    {
        var group = new SecurityGroupShape();
        var seen = 0;
        List<string>? unknown = null;
        while (NextProperty(ref reader))
        {
            switch (Match(ref reader, GroupNames, ref seen, strict: false))
            {
                case 0: group.GroupId = ReadString(ref reader); break;
                case 1: group.GroupName = ReadString(ref reader); break;
                case 2: group.Description = ReadShared(ref reader); break;
                case 3: group.VpcId = ReadShared(ref reader); break;
                case 4: group.OwnerId = ReadShared(ref reader); break;
                case 5: group.SecurityGroupArn = ReadString(ref reader); break;
                case 6: group.Tags = ReadList(ref reader, _readTag); break;
                case 7: group.IpPermissions = ReadList(ref reader, _readPermission); break;
                case 8: group.IpPermissionsEgress = ReadList(ref reader, _readPermission); break;
                default: SkipUnknown(ref reader, ref unknown); break;
            }
        }

        return group;
    }

    private IpPermissionShape ReadPermission(ref Utf8JsonReader reader)
    {
        var permission = new IpPermissionShape();
        var seen = 0;
        List<string>? unknown = null;
        while (NextProperty(ref reader))
        {
            switch (Match(ref reader, PermissionNames, ref seen, strict: false))
            {
                case 0: permission.IpProtocol = ReadShared(ref reader); break;
                case 1: permission.FromPort = ReadInt(ref reader); break;
                case 2: permission.ToPort = ReadInt(ref reader); break;
                case 3: permission.IpRanges = ReadList(ref reader, _readIpRange); break;
                case 4: permission.Ipv6Ranges = ReadList(ref reader, _readIpv6Range); break;
                case 5: permission.PrefixListIds = ReadList(ref reader, _readPrefixList); break;
                case 6: permission.UserIdGroupPairs = ReadList(ref reader, _readPair); break;
                default: SkipUnknown(ref reader, ref unknown); break;
            }
        }

        return permission;
    }

    private IpRangeShape ReadIpRange(ref Utf8JsonReader reader)
    {
        var range = new IpRangeShape();
        var seen = 0;
        List<string>? unknown = null;
        while (NextProperty(ref reader))
        {
            switch (Match(ref reader, IpRangeNames, ref seen, strict: false))
            {
                case 0: range.CidrIp = ReadShared(ref reader); break;
                case 1: range.Description = ReadShared(ref reader); break;
                default: SkipUnknown(ref reader, ref unknown); break;
            }
        }

        return range;
    }

    private Ipv6RangeShape ReadIpv6Range(ref Utf8JsonReader reader)
    {
        var range = new Ipv6RangeShape();
        var seen = 0;
        List<string>? unknown = null;
        while (NextProperty(ref reader))
        {
            switch (Match(ref reader, Ipv6RangeNames, ref seen, strict: false))
            {
                case 0: range.CidrIpv6 = ReadShared(ref reader); break;
                case 1: range.Description = ReadShared(ref reader); break;
                default: SkipUnknown(ref reader, ref unknown); break;
            }
        }

        return range;
    }

    private PrefixListIdShape ReadPrefixList(ref Utf8JsonReader reader)
    {
        var list = new PrefixListIdShape();
        var seen = 0;
        List<string>? unknown = null;
        while (NextProperty(ref reader))
        {
            switch (Match(ref reader, PrefixListNames, ref seen, strict: false))
            {
                case 0: list.PrefixListId = ReadShared(ref reader); break;
                case 1: list.Description = ReadShared(ref reader); break;
                default: SkipUnknown(ref reader, ref unknown); break;
            }
        }

        return list;
    }

    private UserIdGroupPairShape ReadPair(ref Utf8JsonReader reader)
    {
        var pair = new UserIdGroupPairShape();
        var seen = 0;
        List<string>? unknown = null;
        while (NextProperty(ref reader))
        {
            switch (Match(ref reader, PairNames, ref seen, strict: false))
            {
                case 0: pair.GroupId = ReadString(ref reader); break;
                case 1: pair.GroupName = ReadString(ref reader); break;
                case 2: pair.UserId = ReadShared(ref reader); break;
                case 3: pair.VpcId = ReadShared(ref reader); break;
                case 4: pair.VpcPeeringConnectionId = ReadShared(ref reader); break;
                case 5: pair.PeeringStatus = ReadShared(ref reader); break;
                case 6: pair.Description = ReadShared(ref reader); break;
                default: SkipUnknown(ref reader, ref unknown); break;
            }
        }

        return pair;
    }

    private TagShape ReadTag(ref Utf8JsonReader reader)
    {
        var tag = new TagShape();
        var seen = 0;
        List<string>? unknown = null;
        while (NextProperty(ref reader))
        {
            switch (Match(ref reader, TagNames, ref seen, strict: false))
            {
                case 0: tag.Key = ReadShared(ref reader); break;
                case 1: tag.Value = ReadString(ref reader); break;
                default: SkipUnknown(ref reader, ref unknown); break;
            }
        }

        return tag;
    }

    private NetworkInterfaceShape ReadInterface(ref Utf8JsonReader reader)
    {
        var shape = new NetworkInterfaceShape();
        var seen = 0;
        List<string>? unknown = null;
        while (NextProperty(ref reader))
        {
            switch (Match(ref reader, InterfaceNames, ref seen, strict: false))
            {
                case 0: shape.NetworkInterfaceId = ReadString(ref reader); break;
                case 1: shape.Groups = ReadList(ref reader, _readGroupIdentifier); break;
                case 2: shape.InterfaceType = ReadShared(ref reader); break;
                case 3: shape.Status = ReadShared(ref reader); break;
                case 4: shape.VpcId = ReadShared(ref reader); break;
                case 5: shape.SubnetId = ReadShared(ref reader); break;
                case 6: shape.AvailabilityZone = ReadShared(ref reader); break;
                case 7: shape.Description = ReadShared(ref reader); break;
                case 8: shape.OwnerId = ReadShared(ref reader); break;
                case 9: shape.RequesterId = ReadShared(ref reader); break;
                case 10: shape.RequesterManaged = ReadBool(ref reader); break;
                case 11: shape.PrivateIpAddress = ReadString(ref reader); break;
                case 12: shape.Attachment = reader.Read() ? JsonSerializer.Deserialize(ref reader, StrictModelJsonContext.Default.NetworkInterfaceAttachmentShape) : throw GiveUp(); break;
                case 13: shape.Association = reader.Read() ? JsonSerializer.Deserialize(ref reader, StrictModelJsonContext.Default.NetworkInterfaceAssociationShape) : throw GiveUp(); break;
                case 14: shape.TagSet = ReadList(ref reader, _readTag); break;
                default: SkipUnknown(ref reader, ref unknown); break;
            }
        }

        return shape;
    }

    private GroupIdentifierShape ReadGroupIdentifier(ref Utf8JsonReader reader)
    {
        var group = new GroupIdentifierShape();
        var seen = 0;
        List<string>? unknown = null;
        while (NextProperty(ref reader))
        {
            switch (Match(ref reader, GroupIdentifierNames, ref seen, strict: false))
            {
                case 0: group.GroupId = ReadString(ref reader); break;
                case 1: group.GroupName = ReadString(ref reader); break;
                default: SkipUnknown(ref reader, ref unknown); break;
            }
        }

        return group;
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw GiveUp(),
        };

    /// <summary>
    /// The index of the current property among <paramref name="names"/> (ASCII, case-insensitive, as the
    /// serializer's case-insensitive matching is for ASCII keys), or -1 for an unknown key of an AWS shape, which is
    /// skipped as the serializer skips it. Gives up on a repeated key, an escaped or non-ASCII key, and an unknown
    /// key of a model object (<paramref name="strict"/>), all of which the serializer reports or treats specially.
    /// </summary>
    private static int Match(ref Utf8JsonReader reader, byte[][] names, ref int seen, bool strict)
    {
        if (reader.ValueIsEscaped)
        {
            throw GiveUp();
        }

        var name = reader.ValueSpan;
        for (var i = 0; i < names.Length; i++)
        {
            if (name.Length == names[i].Length && Ascii.EqualsIgnoreCase(name, names[i]))
            {
                if ((seen & (1 << i)) != 0)
                {
                    throw GiveUp();
                }

                seen |= 1 << i;
                return i;
            }
        }

        // An unknown key of an AWS shape is skipped, as the serializer skips it, when it is plain ASCII (a non-ASCII
        // key might still match a property case-insensitively).
        return strict || !Ascii.IsValid(name) ? throw GiveUp() : -1;
    }

    /// <summary>Skips an unknown key's value; gives up when the object repeats it (the serializer's call, not ours).</summary>
    private static void SkipUnknown(ref Utf8JsonReader reader, ref List<string>? unknown)
    {
        var name = Encoding.ASCII.GetString(reader.ValueSpan);
        if (unknown is not null && unknown.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw GiveUp();
        }

        (unknown ??= []).Add(name);
        reader.Skip();
    }

    private static string? ReadString(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw GiveUp(),
        }
        : throw GiveUp();

    /// <summary>A string that is likely to repeat (a protocol, a CIDR, an owner id): one instance per distinct value.</summary>
    private string? ReadShared(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw GiveUp();
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.TokenType == JsonTokenType.Null ? null : throw GiveUp();
        }

        var bytes = reader.ValueSpan;
        if (reader.ValueIsEscaped || bytes.Length > MaxSharedLength)
        {
            return reader.GetString();
        }

        Span<char> chars = stackalloc char[MaxSharedLength];
        if (System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw GiveUp(); // invalid UTF-8: the serializer's error
        }

        var text = chars[..written];
        if (_sharedLookup.TryGetValue(text, out var shared))
        {
            return shared;
        }

        var value = text.ToString();
        if (_shared.Count < MaxSharedValues)
        {
            _shared.Add(value, value);
        }

        return value;
    }

    private static int? ReadInt(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
            JsonTokenType.Null => null,
            _ => throw GiveUp(),
        }
        : throw GiveUp();

    private static bool? ReadBool(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => throw GiveUp(),
        }
        : throw GiveUp();

    /// <summary>Reads a list's '[' (true) or a JSON null (false); anything else gives up.</summary>
    private static bool ReadListStart(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType switch
        {
            JsonTokenType.StartArray => true,
            JsonTokenType.Null => false,
            _ => throw GiveUp(),
        }
        : throw GiveUp();

    /// <summary>A list of objects, or null for a JSON null. Null items and non-object items give up.</summary>
    private static List<T>? ReadList<T>(ref Utf8JsonReader reader, JsonItemReader<T> readItem)
    {
        if (!ReadListStart(ref reader))
        {
            return null;
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw GiveUp();
            }

            list.Add(readItem(ref reader));
        }

        return list;
    }

    /// <summary>
    /// A list of objects like <see cref="ReadList{T}"/>, read on all cores: the lists of groups and interfaces are
    /// nearly all of a large model. A byte scan (<see cref="TryFindItems"/>) cuts the list into its items; each item is
    /// then read from its own slice by a reader per worker, with its own table of shared values, into its place in the
    /// list. Each slice must read as exactly one object, and the scan checks that only commas and whitespace lie between
    /// them, so the items are the list's items whatever the scan made of the text inside them. The outer reader resumes
    /// at the list's closing bracket. Anything else (a comment between items, a null item) gives up.
    /// </summary>
    private List<T>? ReadListInParallel<T>(ref Utf8JsonReader reader, Func<FastModelJsonReader, JsonItemReader<T>> itemReaderOf)
    {
        if (!ReadListStart(ref reader))
        {
            return null;
        }

        // An item may nest as deep as it could in the whole document.
        var itemOptions = ReaderOptions with { MaxDepth = ReaderOptions.MaxDepth - reader.CurrentDepth - 1 };
        var extents = new List<(int Start, int End)>();
        var afterBracket = _offset + checked((int)reader.BytesConsumed);
        if (itemOptions.MaxDepth < 1 || !TryFindItems(_json.Span, afterBracket, extents, out var closingBracket))
        {
            throw GiveUp();
        }

        var items = new T[extents.Count];
        var chunks = (extents.Count + ItemsPerChunk - 1) / ItemsPerChunk;
        if (chunks < 2)
        {
            ReadItems(this, itemReaderOf(this), itemOptions, extents, items, 0, extents.Count);
        }
        else
        {
            var gaveUp = false;
            Parallel.For(
                0,
                chunks,
                () => _workers.TryPop(out var idle) ? idle : new FastModelJsonReader(_json),
                (chunk, state, worker) =>
                {
                    try
                    {
                        var first = chunk * ItemsPerChunk;
                        ReadItems(worker, itemReaderOf(worker), itemOptions, extents, items, first, Math.Min(first + ItemsPerChunk, extents.Count));
                    }
                    catch (Exception ex) when (ex is JsonException or InvalidOperationException)
                    {
                        Volatile.Write(ref gaveUp, true);
                        state.Stop();
                    }

                    return worker;
                },
                _workers.Push);
            if (gaveUp)
            {
                throw GiveUp();
            }
        }

        // Resume after the items: from the reader's state at the opening bracket, the closing one reads as that array's end.
        reader = new Utf8JsonReader(_json.Span[closingBracket..], isFinalBlock: true, reader.CurrentState);
        _offset = closingBracket;
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw GiveUp();
        }

        return [.. items];
    }

    /// <summary>
    /// Finds the extent of each object in a list from just after its '[' to its ']'. Braces are counted outside
    /// strings; that is all the scan knows of JSON (a comment inside an item could mislead it, and then the item's
    /// own reader fails). False when the text is not '{…}' items separated by single commas and whitespace.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one long loop per list: worth optimizing before its first run
    internal static bool TryFindItems(ReadOnlySpan<byte> json, int position, List<(int Start, int End)> extents, out int closingBracket)
    {
        closingBracket = -1;
        var i = SkipWhitespace(json, position);
        if (i < json.Length && json[i] == (byte)']')
        {
            closingBracket = i;
            return true;
        }

        while (i < json.Length && json[i] == (byte)'{')
        {
            var end = EndOfObject(json, i);
            if (end < 0)
            {
                return false;
            }

            extents.Add((i, end));
            i = SkipWhitespace(json, end);
            if (i < json.Length && json[i] == (byte)']')
            {
                closingBracket = i;
                return true;
            }

            if (i >= json.Length || json[i] != (byte)',')
            {
                return false;
            }

            i = SkipWhitespace(json, i + 1);
        }

        return false;
    }

    /// <summary>
    /// The index after the '}' that closes the object starting at <paramref name="start"/>, or -1. 64 bytes at a time:
    /// bit masks of quotes and braces, the quotes' prefix XOR marking the bytes inside strings, then only the braces
    /// outside strings are visited. A block with a backslash (an escape) is walked byte by byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int EndOfObject(ReadOnlySpan<byte> json, int start)
    {
        var depth = 0;
        var inString = 0UL; // all ones when the previous block ended inside a string
        var i = start;
        while (i + 64 <= json.Length)
        {
            var low = Vector256.Create(json.Slice(i, 32));
            var high = Vector256.Create(json.Slice(i + 32, 32));
            if (BitsOf(low, high, (byte)'\\') != 0)
            {
                i = WalkBytes(json, i, i + 64, ref depth, ref inString);
                if (depth == 0 || i < 0)
                {
                    return i;
                }

                continue;
            }

            var inside = PrefixXor(BitsOf(low, high, (byte)'"')) ^ inString;
            inString = (ulong)((long)inside >> 63);
            var braces = (BitsOf(low, high, (byte)'{') | BitsOf(low, high, (byte)'}')) & ~inside;
            while (braces != 0)
            {
                var at = i + BitOperations.TrailingZeroCount(braces);
                if (json[at] == (byte)'{')
                {
                    depth++;
                }
                else if (--depth == 0)
                {
                    return at + 1;
                }

                braces &= braces - 1;
            }

            i += 64;
        }

        i = WalkBytes(json, i, json.Length, ref depth, ref inString);
        return depth == 0 ? i : -1;
    }

    /// <summary>
    /// Walks bytes [<paramref name="i"/>, <paramref name="stop"/>) (and past it to finish an escape), counting braces
    /// outside strings; returns where it stopped: after the brace that brings the depth to zero, or at the stop. -1 at
    /// the end of the input in an escape.
    /// </summary>
    private static int WalkBytes(ReadOnlySpan<byte> json, int i, int stop, ref int depth, ref ulong inString)
    {
        var escaped = false;
        for (; i < stop || escaped; i++)
        {
            if (i >= json.Length)
            {
                return -1;
            }

            var b = json[i];
            if (inString != 0)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    escaped = true;
                }
                else if (b == (byte)'"')
                {
                    inString = 0;
                }
            }
            else if (b == (byte)'"')
            {
                inString = ulong.MaxValue;
            }
            else if (b == (byte)'{')
            {
                depth++;
            }
            else if (b == (byte)'}' && --depth == 0)
            {
                return i + 1;
            }
        }

        return i;
    }

    /// <summary>One bit per byte of the 64 (two halves) that equals <paramref name="value"/>.</summary>
    private static ulong BitsOf(Vector256<byte> low, Vector256<byte> high, byte value)
    {
        var target = Vector256.Create(value);
        return Vector256.Equals(low, target).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(high, target).ExtractMostSignificantBits() << 32);
    }

    /// <summary>Bit n is the XOR of bits 0..n: with quote bits in, the bytes from an opening quote up to its closing one.</summary>
    private static ulong PrefixXor(ulong bits)
    {
        bits ^= bits << 1;
        bits ^= bits << 2;
        bits ^= bits << 4;
        bits ^= bits << 8;
        bits ^= bits << 16;
        return bits ^ (bits << 32);
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    /// <summary>Reads items [<paramref name="first"/>, <paramref name="end"/>) each from its own slice of the input.</summary>
    private static void ReadItems<T>(FastModelJsonReader worker, JsonItemReader<T> readItem, JsonReaderOptions options, List<(int Start, int End)> extents, T[] items, int first, int end)
    {
        var json = worker._json.Span;
        for (var i = first; i < end; i++)
        {
            var (start, stop) = extents[i];
            var reader = new Utf8JsonReader(json[start..stop], options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw GiveUp();
            }

            items[i] = readItem(ref reader);
            if (reader.Read())
            {
                throw GiveUp(); // the slice held more than one object
            }
        }
    }

    private static JsonException GiveUp() => new();

    private static byte[][] Names(params string[] names) => [.. names.Select(Encoding.UTF8.GetBytes)];
}
