using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Platform.Eav.V1;

namespace Platform.Bench.SearchBench;

/// <summary>
/// The <c>listing</c> type and its generated documents, reproducible from (seed, index): a title of
/// three English product words, a body of 12–24 English words with two Chinese phrases mixed in,
/// a category (12 values) and a brand (40 values) as facets, and a location scattered over a
/// 60 km square around Shanghai's centre. English words are drawn with a Zipf-like skew so that
/// common and rare terms both exist, as in real catalogues.
/// </summary>
internal static class Corpus
{
    public const string TypeId = "listing";
    public const double CenterLat = 31.2304;
    public const double CenterLon = 121.4737;

    public static readonly string[] Categories =
        ["phones", "audio", "laptops", "cameras", "home", "kitchen", "garden", "sports", "toys", "books", "beauty", "travel"];

    public static readonly string[] Brands = [.. Enumerable.Range(0, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"brand{i:D2}"))];

    public static readonly string[] English =
    [
        "wireless", "charger", "phone", "case", "screen", "protector", "cable", "adapter", "speaker", "headphones",
        "bluetooth", "portable", "battery", "laptop", "stand", "keyboard", "mouse", "camera", "lens", "tripod",
        "kettle", "blender", "coffee", "grinder", "toaster", "pillow", "blanket", "lamp", "desk", "chair",
        "garden", "hose", "shovel", "running", "shoes", "yoga", "mat", "bottle", "backpack", "tent",
        "puzzle", "robot", "novel", "cookbook", "shampoo", "serum", "suitcase", "organizer", "waterproof", "compact",
        "premium", "classic", "smart", "ultra", "mini", "pro", "silver", "black", "leather", "wooden",
        "ceramic", "steel", "cotton", "travel", "outdoor", "kids", "digital", "electric", "magnetic", "foldable",
        "rechargeable", "noise", "cancelling", "fast", "charging", "hdmi", "usb", "mechanical", "ergonomic", "adjustable",
        "stainless", "nonstick", "organic", "herbal", "vintage", "modern", "minimalist", "durable", "lightweight", "heavy",
        "gaming", "studio", "office", "kitchen", "bathroom", "bedroom", "camping", "hiking", "cycling", "fitness",
    ];

    public static readonly string[] Chinese =
    [
        "手机", "手机壳", "充电器", "无线", "蓝牙耳机", "笔记本电脑", "相机", "镜头", "咖啡机", "保温杯",
        "运动鞋", "瑜伽垫", "背包", "帐篷", "玩具", "小说", "洗发水", "行李箱", "收纳盒", "防水",
        "便携", "快充", "数据线", "显示器", "键盘", "鼠标", "台灯", "椅子", "厨房", "花园",
        "人民", "中华", "上海", "北京", "新品", "限量", "优惠", "正品", "包邮", "质量",
    ];

    // Syllables of the long tail of made-up product and brand words (30^3 = 27,000 of them), and common Chinese
    // characters whose pairs form the long tail of Chinese words (120^2 = 14,400): a real catalogue's vocabulary is
    // mostly rare words, so a query's terms match hundreds of documents, not half of them.
    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ne", "ru", "ta", "zo", "vi", "pe", "gu", "sha", "bri", "tor", "len", "dax",
        "qui", "mon", "fel", "gar", "hul", "jin", "kor", "lux", "nav", "pol", "rex", "sol", "tam", "vex", "wyn",
    ];

    private static readonly string CommonHan =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所" +
        "民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那";

    /// <summary>The document's <paramref name="k"/>th made-up word (0–3), reproducible without generating the document.</summary>
    public static string RareWord(int seed, int index, int k)
    {
        var rng = new Random(unchecked((seed * 7_919) + (index * 4) + k));
        return Syllables[rng.Next(Syllables.Length)] + Syllables[rng.Next(Syllables.Length)] + Syllables[rng.Next(Syllables.Length)];
    }

    /// <summary>The document's <paramref name="k"/>th two-character Chinese word (0–1).</summary>
    public static string CjkWord(int seed, int index, int k)
    {
        var rng = new Random(unchecked((seed * 104_729) + (index * 2) + k));
        return string.Concat(CommonHan[rng.Next(CommonHan.Length)], CommonHan[rng.Next(CommonHan.Length)]);
    }

    public static Entity Generate(int seed, int index)
    {
        var rng = new Random(unchecked((seed * 1_000_003) + index));
        var title = $"{Word(rng)} {RareWord(seed, index, 0)} {Word(rng)}";
        var body = new StringBuilder(200);
        var words = 12 + rng.Next(13);
        var chineseAt = new[] { rng.Next(words), rng.Next(words) };
        for (var i = 0; i < words; i++)
        {
            body.Append(Word(rng)).Append(' ');
            if (i == chineseAt[0])
            {
                body.Append(CjkWord(seed, index, 0)).Append('的').Append(Chinese[rng.Next(Chinese.Length)]).Append(' ');
            }

            if (i == chineseAt[1])
            {
                body.Append(CjkWord(seed, index, 1)).Append(' ');
            }
        }

        body.Append(RareWord(seed, index, 1)).Append(' ').Append(RareWord(seed, index, 2)).Append(' ').Append(RareWord(seed, index, 3));

        var attributes = new Struct();
        attributes.Fields["title"] = Value.ForString(title);
        attributes.Fields["body"] = Value.ForString(body.ToString().TrimEnd());
        attributes.Fields["category"] = Value.ForString(Categories[rng.Next(Categories.Length)]);
        attributes.Fields["brand"] = Value.ForString(Brands[rng.Next(Brands.Length)]);
        var location = new Struct();
        location.Fields["lat"] = Value.ForNumber(Math.Round(CenterLat + ((rng.NextDouble() - 0.5) * 0.54), 6));
        location.Fields["lon"] = Value.ForNumber(Math.Round(CenterLon + ((rng.NextDouble() - 0.5) * 0.63), 6));
        attributes.Fields["location"] = Value.ForStruct(location);
        return new Entity { Name = Id(index), Attributes = attributes };
    }

    public static string Id(int index) => string.Create(CultureInfo.InvariantCulture, $"l{index:D7}");

    /// <summary>Zipf-like: the square of a uniform draw favours the first words of the list.</summary>
    public static string Word(Random rng)
    {
        var u = rng.NextDouble();
        return English[(int)(u * u * English.Length)];
    }

    public static EntityType Schema()
    {
        var type = new EntityType { DisplayName = "Listing", Description = "Search benchmark listing" };
        type.Attributes.Add(new AttributeDefinition { Key = "title", Type = AttributeType.String, Searchable = true });
        type.Attributes.Add(new AttributeDefinition { Key = "body", Type = AttributeType.Text, Searchable = true });
        type.Attributes.Add(new AttributeDefinition
        {
            Key = "category", Type = AttributeType.Enum, Filterable = true, Constraints = new AttributeConstraints { EnumValues = { Categories } },
        });
        type.Attributes.Add(new AttributeDefinition { Key = "brand", Type = AttributeType.String, Filterable = true });
        type.Attributes.Add(new AttributeDefinition { Key = "location", Type = AttributeType.GeoPoint });
        return type;
    }
}
