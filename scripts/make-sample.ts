/**
 * Generates examples/pinghu-candidates.xlsx, a candidate list shaped like a real bureau's
 * 重点招商对象清单: merged title, blank row, Chinese headers with units, the eight projects named in the
 * March 2023 article with their published figures, and invented candidates (marked 示例（虚构）)
 * written the messy ways real sheets are. Also writes examples/test-hostile-names.xlsx, a test-only
 * workbook whose names try markup injection. Deterministic: the same seed gives the same files.
 *
 *   npx ts-node --transpile-only scripts/make-sample.ts
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { createRng, Rng } from "../src/engine/random";

export const SAMPLE_FILE = path.join(__dirname, "..", "examples", "pinghu-candidates.xlsx");
export const HOSTILE_FILE = path.join(__dirname, "..", "examples", "test-hostile-names.xlsx");
export const SAMPLE_SHEET = "重点招商对象清单";
const SEED = 20230315;

export const HEADERS = [
  "序号",
  "项目名称",
  "招商主体",
  "投资方国别",
  "所属产业链",
  "链上定位",
  "项目简介",
  "计划总投资",
  "注册资本",
  "合同外资（万美元）",
  "实际到资（万美元）",
  "达产后营业额",
  "年税收（万元）",
  "用地（亩）",
  "高新技术企业",
  "研发机构",
  "发明专利（件）",
  "专精特新",
  "上市情况",
  "世界500强",
  "行业排名",
  "否决事项",
  "投资方信用",
  "用地性质",
  "年综合能耗（吨标准煤）",
  "产业政策类别",
  "容积率",
  "环评类别",
  "重点排污单位",
  "项目进度",
  "签约时间",
  "备注",
  "跟进情况",
] as const;

type Col = (typeof HEADERS)[number];

/** Columns of a row spec, in order (the header minus what is filled in separately); "" is a blank cell. */
const SPEC: Col[] = HEADERS.filter(
  (h) =>
    !(
      [
        "序号",
        "否决事项",
        "投资方信用",
        "用地性质",
        "年综合能耗（吨标准煤）",
        "产业政策类别",
        "容积率",
        "环评类别",
        "重点排污单位",
        "备注",
        "跟进情况",
      ] as readonly string[]
    ).includes(h)
);

/**
 * The projects named in the source article (胡佳英, 《平湖》, March 2023), with its figures only.
 * Blank where the article gives nothing. Stage as the article reports it.
 */
export const NAMED: string[] = [
  "法国诺瓦瑞斯汽车零部件项目|独山港经济开发区|法国|新能源汽车|上下游重点配套|汽车内外饰件、零部件等汽车塑料零部件设计、制造和销售|1500万美元|1000万美元|||2亿元|1000||||||||89|已签约|2023-03-03",
  "尼得科机床（浙江）有限公司||日本|高档数控机床|链主|研发生产用于加工新能源汽车驱动核心精密零部件的机床及相关工具|4400万美元|1880万美元|||||||||||||开工奠基|",
  "艾本德中国技术中心平湖项目|经济技术开发区|德国|生物医药||技术中心|一期1350万欧元||||||||技术中心||||||签约|",
  "浙江凯阳新材料股份有限公司年产1500万米高性能光学级TPU薄膜项目|新仓镇|中国|碳三和膜材料及关联产业||年产1500万米高性能光学级TPU薄膜|计划1.8亿元||||||||||||||开工建设|",
  "中能科技储能装备系统平湖总部项目|经济技术开发区|中国|||储能系统工艺装备、电芯模组等储能系统产品；生产研发总部|10亿元||||||||||||||已签约|",
  "德国克力宝胶粘剂项目|独山港经济开发区|德国|||中国区总部和生产基地（胶粘剂）|||||||||||||||洽谈|",
  "上市公司存储产业项目|曹桥街道||||存储产业||||||||||||上市公司|||洽谈|",
  "明湖国际科创岛项目|当湖街道||||平台运营、产业合作|||||||||||||||对接|",
];

/** Invented candidates: plausible, not real. Every one is marked 示例（虚构） in the sheet. */
export const INVENTED: string[] = [
  // 新能源汽车
  "德资汽车热管理系统项目|独山港经济开发区|德国|新能源汽车|上下游重点配套|新能源汽车热管理模块及电子水泵|3000万欧元|1200万欧元|1200万欧元|300万欧元|4.5亿元|2200|60|是|省级研发中心|12|省级专精特新||否||已签约|2023-02-16",
  "日资汽车座椅骨架项目|经济技术开发区|日本|新能源汽车|一般配套|汽车座椅骨架、滑轨|2500万美元|1000万美元|1000|400|3亿元|1500|45|否||3|||否||开工|2023-01-10",
  "动力电池结构件项目|新埭镇|中国|新能源汽车|上下游重点配套|动力电池壳体及盖板|约5亿元||||8亿元|3000|120|是|市级|6|||否||签约|2023-03-20",
  "充电桩整机项目|钟埭街道|中国||一般配套|交直流充电桩及换电设备|1.2亿元||||2亿|600|30|是||2|||否||洽谈|",
  "美资汽车电子项目|经济技术开发区|美国|新能源汽车|关键环节|车载域控制器及汽车电子|USD 60m|USD 20m|2000||6亿元|3500||是|省级企业研究院|25|||否||洽谈|",
  "韩资一体化压铸项目|独山港经济开发区|韩国|新能源汽车|关键环节|一体化压铸车身结构件|1-1.5亿美元|5000万美元|5000||15亿元|6000|150|否||4|||否||在谈|",
  "新能源汽车线束项目|曹桥街道|中国|新能源汽车||新能源汽车高压线束|8000万元||||1.5亿元|500|25|否||0|||否||注册|",
  "德资电驱动桥项目|经济技术开发区|德国|新能源汽车|关键环节|电驱动总成（e-axle）|2亿美元|8000万美元|8000|2000|30亿元|12000|200|是|国家级|80|||否|35|开工|2022-11-18",
  // 光电通信
  "光模块研发制造项目|钟埭街道|中国|光电通信|关键环节|400G/800G高速光模块|3亿元|1亿元|||10亿元|4000|80|是|省级|30|国家级专精特新小巨人|辅导备案|否||已签约|2023-03-08",
  "日资光学镜头项目|经济技术开发区|日本|光电通信|上下游重点配套|车载与安防光学镜头|1800万美元|800万美元|800|200|2.5亿元|1200|35|否||8|||否||投产|2022-06-01",
  "特种光纤项目|新仓镇|中国||一般配套|特种光纤光缆|5000万元以上||||8000万元|400|20|是||5|||否||洽谈|",
  "台资LED背光项目|林埭镇|中国台湾|光电通信|一般配套|Mini LED背光模组|2000万美元|1000万美元|1000||3亿元|1300|40|否||2|||否||签约|2023-02-28",
  "5G射频器件项目|当湖街道|中国||上下游重点配套|5G基站射频器件及天线|1.5亿||||3亿元|1800||是|市级|14|省级专精特新|拟上市|否||在谈|",
  "激光器项目|经济技术开发区|中国|光电通信|关键环节|光纤激光器及光电子器件|约2亿元||||5亿元|2500|50|是|省级|40|小巨人|上市公司子公司|否||开工|2023-01-05",
  "美资光通信芯片项目|经济技术开发区|美国|光电通信|关键环节|光芯片与光器件封装|USD 120m|USD 40m|4000|1000|12亿元|5000|100|是||60|||否||在谈|",
  // 高档数控机床
  "德资精密刀具项目|独山港经济开发区|德国|高档数控机床|上下游重点配套|硬质合金精密刀具及刀柄|1200万欧元|500万欧元|500万欧元|200万欧元|1.2亿元|700|20|是||9|||否||已签约|2023-01-18",
  "日资五轴加工中心项目|经济技术开发区|日本|高档数控机床|链主|五轴联动加工中心整机|5000万美元|2000万美元|2000|800|8亿元|3500|80|是|省级|20||上市公司子公司|否|12|开工|2022-12-08",
  "数控系统项目|当湖街道|中国|高档数控机床|关键环节|数控系统及伺服驱动|1亿元||||2亿元|1200|15|是|省级|35|省级专精特新|辅导备案|否||签约|2023-03-10",
  "台资滚珠丝杠项目|乍浦镇|中国台湾|高档数控机床|关键环节|滚珠丝杠、直线导轨|1500万美元|600万美元|600||1.8亿元|900|30|否||6|||否||注册|2023-02-02",
  "工装夹具项目|广陈镇|中国|高档数控机床|一般配套|工装夹具、液压卡盘|3000万元||||5000万元|200|12|否||1|||否||洽谈|",
  "瑞士精密磨床项目|经济技术开发区|瑞士|高档数控机床|链主|精密磨床整机|2800万欧元|1000万欧元|1000万欧元||3亿元|1600||是||15|||否||在谈|",
  "电主轴项目|新埭镇|中国|高档数控机床|上下游重点配套|高速电主轴|6000万元||||1亿元|600|20|是|市级|11|专精特新||否||开工|2023-02-20",
  "意大利数控折弯机项目|独山港经济开发区|意大利|高档数控机床|一般配套|数控折弯机、激光切割机|800万欧元|400万欧元|400万欧元||8000万元|300||否||2|||否||洽谈|",
  // 碳三和膜材料及关联产业
  "丙烷脱氢及聚丙烯项目|独山港经济开发区|中国|碳三和膜材料及关联产业|链主|丙烷脱氢制丙烯及聚丙烯|60亿元||||80亿元|30000|600|否||10||上市公司|否||签约|2023-03-01",
  "光学膜涂布项目|新仓镇|中国|碳三和膜材料及关联产业|关键环节|光学膜、离型膜涂布|3.5亿元||||6亿元|2800|70|是|省级|22|省级专精特新|辅导备案|否||开工|2022-10-15",
  "日资电子功能膜项目|独山港经济开发区|日本|碳三和膜材料及关联产业|关键环节|电子用功能膜|4000万美元|1500万美元|1500|600|5亿元|2500|60|是||30|||否||已签约|2023-02-10",
  "德资工业胶带项目|独山港经济开发区|德国|碳三和膜材料及关联产业|上下游重点配套|工业胶带与胶黏剂|2000万欧元|800万欧元|800万欧元|300万欧元|3亿元|1500|40|否||12|||否||投产|2022-05-20",
  "BOPP薄膜项目|乍浦镇|中国|碳三和膜材料及关联产业|一般配套|BOPP薄膜及包装膜|2亿元||||4亿元|1000|50|否||0|||否||注册|",
  "环氧丙烷项目|独山港经济开发区|中国|碳三和膜材料及关联产业|关键环节|环氧丙烷及下游聚醚|25亿元||||40亿元|18000|300|否||5||上市公司|否||在谈|",
  "美资水处理膜项目|经济技术开发区|美国|碳三和膜材料及关联产业|上下游重点配套|反渗透膜元件|3000万美元|1200万美元|1200||2.5亿元|1300||是||18|||是||洽谈|",
  "锂电池隔膜项目|独山港经济开发区|中国|碳三和膜材料及关联产业/新能源汽车|关键环节|锂电池隔膜，配套新能源汽车|12亿元||||15亿元|6000|150|是|省级|28||上市公司子公司|否||签约|2023-03-12",
  // 生物医药
  "单抗药物产业化项目|经济技术开发区|中国|生物医药|关键环节|单克隆抗体药物研发及产业化|8亿元||||20亿元|8000|100|是|省级|45|专精特新|辅导备案|否||签约|2023-01-30",
  "德资实验室耗材项目|经济技术开发区|德国|生物医药|上下游重点配套|实验室移液器吸头、离心管|1500万欧元|600万欧元|600万欧元||1.5亿元|800|25|否||6|||否||投产|2022-08-08",
  "体外诊断试剂项目|钟埭街道|中国|生物医药|一般配套|体外诊断试剂及仪器|5000万元||||1.2亿元|700|15|是|市级|9|创新型中小企业|股改|否||在谈|",
  "日资医疗器械项目|经济技术开发区|日本|生物医药|关键环节|二、三类医疗器械|3500万美元|1500万美元|1500|500|4亿元|2000|50|是||25|||是||开工|2022-12-20",
  "原料药CDMO项目|独山港经济开发区|中国||关键环节|原料药及制剂CDMO|15亿元||||25亿元|9000|200|是|省级|30||上市公司|否||洽谈|",
  "美资疫苗灌装项目|经济技术开发区|美国|生物医药|关键环节|Vaccine fill-finish plant|USD 80m|USD 30m|3000||8亿元|4000||是||40|||是||在谈|",
  "中药配方颗粒项目|新仓镇|中国|生物医药|一般配套|中药配方颗粒|1亿元||||1.5亿元|800|30|否||3|||否||注册|",
  "康复器械项目|林埭镇|中国||一般配套|康复医疗器械|3000万元||||6000万元|250||否||2|||否||洽谈|",
  // 互联网服务
  "跨境电商运营中心|当湖街道|中国|互联网服务|一般配套|跨境电商运营中心|5000万元||||10亿元|2000||否||0|||否||签约|2023-02-22",
  "直播电商基地|钟埭街道|中国|互联网服务|一般配套|直播电商基地|3000万元||||5亿元|1500||否||0|||否||注册|",
  "网络货运平台项目|乍浦镇|中国|互联网服务|上下游重点配套|网络货运平台|1亿元||||20亿元|3000||是||3|||否||在谈|",
  "港资数字营销项目|当湖街道|中国香港|互联网服务|一般配套|短视频与数字营销服务|2000万港币|1000万港币|1000万港币||8000万元|400||否||0|||否||洽谈|",
  "新加坡跨境电商总部|经济技术开发区|新加坡||上下游重点配套|Cross-border e-commerce fulfilment and online marketplace|USD 15m|USD 5m|500||5亿元|1800||否||0|||否||签约|2023-03-15",
  "本地生活平台项目|曹桥街道|中国|互联网服务||本地生活O2O及小程序开发运营|待定||||||||||||否||洽谈|",
  // 软件和信息技术
  "工业软件研发中心|当湖街道|中国|软件和信息技术|关键环节|工业软件及MES系统开发|8000万元||||3亿元|2000||是|省级|15|省级专精特新|拟上市|否||签约|2023-01-12",
  "云计算数据中心项目|独山港经济开发区|中国|软件和信息技术|上下游重点配套|云计算数据中心|20亿元||||6亿元|3000|80|否||2||上市公司子公司|否||在谈|",
  "日资嵌入式软件项目|经济技术开发区|日本|软件和信息技术|上下游重点配套|车载嵌入式软件外包|500万美元|300万美元|300|150|8000万元|600||是||4|||否||投产|2022-04-01",
  "人工智能算法公司|钟埭街道|中国|软件和信息技术|一般配套|人工智能算法研发|2000万元||||5000万元|300||是||8|创新型中小企业||否||洽谈|",
  "美资工业互联网平台项目|经济技术开发区|美国|软件和信息技术|关键环节|工业互联网平台及系统集成|USD 30m|USD 10m|1000||3亿元|1500||是||20|||是||在谈|",
  "信创系统集成项目|新埭镇|中国||一般配套|信息系统集成与网络安全服务|5000万元||||2亿元|800||是|市级|5|||否||签约|2023-03-06",
  "区块链应用公司|当湖街道|中国|软件和信息技术||大数据与区块链应用服务|1000万元||||||||||||否||洽谈|",
  // 种子种苗 (agricultural land: 用地 left blank, industrial land gates do not apply)
  "蔬菜种业基地|广陈镇|中国|种子种苗|链主|蔬菜种子育种及制种基地|2亿元||||3亿元|500||是|省级|15|||否||签约|2023-02-25",
  "荷兰花卉种苗项目|广陈镇|荷兰|种子种苗|关键环节|花卉种苗组培中心|1000万欧元|500万欧元|500万欧元|200万欧元|1亿元|300||是||6|||否||开工|2022-11-01",
  "杂交水稻良种繁育项目|林埭镇|中国|种子种苗|上下游重点配套|杂交水稻良种繁育|3000万元||||8000万元|100||否||4|||否||注册|",
  "日资蔬菜种苗项目|新埭镇|日本||上下游重点配套|Vegetable seed breeding and germplasm bank|300万美元|200万美元|200||5000万元|150||否||3|||否||洽谈|",
  "种猪育种场项目|广陈镇|中国|种子种苗|一般配套|种猪育种场|8000万元||||1.2亿元|200||否||0|||否||在谈|",
  // On none of the eight chains
  "冷链物流仓储中心|乍浦镇|中国|||冷链物流仓储中心|3亿元||||2亿元|800|100|否||0|||否||签约|2023-02-14",
  "五星级酒店项目|当湖街道|中国香港|||五星级酒店及商业综合体|约8亿元|2亿港币|2亿港币||1.5亿元|1200||否||0|||否||洽谈|",
  "纺织服装项目|新仓镇|中国|||纺织服装、箱包生产|1.5亿元||||3亿元|900|60|否||0|||否||开工|2022-09-09",
  "英资物流地产项目|独山港经济开发区|英国|||Logistics warehouse and distribution centre|GBP 20m|GBP 8m|800万英镑||1亿元|500|80|否||0|||否||在谈|",
];

/**
 * Judgement columns as bureaus write them, by project name (blank elsewhere): a veto in words, investor
 * credit, land use where the list states it, energy use in 吨标准煤, the 产业结构调整指导目录 class, the
 * 标准地 plot ratio, the EIA category and the key-polluter list, and listing wording. The article's rows get only what is public (Nidec's parent is listed in Tokyo).
 */
const JUDGEMENT_COLUMNS = {
  否决事项: {
    纺织服装项目: "有（2022年环保行政处罚）",
    德资汽车热管理系统项目: "无",
    日资五轴加工中心项目: "否",
  },
  投资方信用: {
    康复器械项目: "失信被执行人（2023年列入）",
    激光器项目: "无不良记录",
  },
  用地性质: {
    蔬菜种业基地: "农用地（设施农业）",
    杂交水稻良种繁育项目: "农用地",
    冷链物流仓储中心: "仓储用地",
    五星级酒店项目: "商服用地",
    英资物流地产项目: "仓储物流用地",
    锂电池隔膜项目: "工业用地",
    丙烷脱氢及聚丙烯项目: "工业用地",
  },
  "年综合能耗（吨标准煤）": {
    丙烷脱氢及聚丙烯项目: 450000,
    环氧丙烷项目: 180000,
    锂电池隔膜项目: 30000,
    光学膜涂布项目: 6000,
    BOPP薄膜项目: 25000,
    云计算数据中心项目: 60000,
    德资电驱动桥项目: 12000,
  },
  产业政策类别: {
    德资电驱动桥项目: "鼓励类",
    光模块研发制造项目: "鼓励类",
    单抗药物产业化项目: "鼓励类",
    丙烷脱氢及聚丙烯项目: "鼓励类",
    BOPP薄膜项目: "限制类",
    纺织服装项目: "允许类",
  },
  // 标准地 plot ratio per its industry's line (tables.landStandard): the 光模块 plant's 0.8 is under
  // electronics' 1.0; the film plants' figures clear chemicals' 0.6.
  容积率: {
    光模块研发制造项目: 0.8,
    德资电驱动桥项目: 1.3,
    锂电池隔膜项目: 1.2,
    光学膜涂布项目: 1.5,
    BOPP薄膜项目: 0.8,
  },
  环评类别: {
    丙烷脱氢及聚丙烯项目: "报告书",
    环氧丙烷项目: "环境影响报告书",
    锂电池隔膜项目: "报告表",
    光学膜涂布项目: "报告表",
    德资电驱动桥项目: "报告表",
    工业软件研发中心: "登记表",
  },
  重点排污单位: {
    丙烷脱氢及聚丙烯项目: "是（已列入2023年名录）",
    环氧丙烷项目: "是",
    锂电池隔膜项目: "否",
  },
  上市情况: {
    "尼得科机床（浙江）有限公司": "母公司在东京证券交易所上市",
  },
} satisfies Partial<Record<Col, Record<string, string | number>>>;

const FOLLOW_UPS = [
  "已拜访总部，待对方反馈",
  "市领导带队洽谈",
  "周六招商日对接",
  "待供地方案",
  "协议文本审核中",
  "",
  "",
  "土地摘牌中",
  "已提交立项备案",
];

const FULL_WIDTH_DIGIT = (s: string): string =>
  s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export interface SampleRow {
  cells: Partial<Record<Col, string | number | Date | null>>;
  named: boolean;
}

/** The rows as written to the sheet, messiness included (same seed, same rows). */
export function sampleRows(seed = SEED): SampleRow[] {
  const rng = createRng(seed);
  const pick = <T>(r: Rng, xs: T[]): T => xs[Math.floor(r.next() * xs.length)];
  const rows: SampleRow[] = [];
  const add = (spec: string, named: boolean) => {
    const parts = spec.split("|");
    if (parts.length !== SPEC.length)
      throw new Error(`sample row has ${parts.length} cells, not ${SPEC.length}: ${spec}`);
    const cells: SampleRow["cells"] = {};
    SPEC.forEach((col, k) => {
      const v = parts[k].trim();
      cells[col] = v === "" ? null : v;
    });
    // Plain numbers in unit-headed columns are numbers in a real sheet; text stays text.
    for (const col of [
      "合同外资（万美元）",
      "实际到资（万美元）",
      "年税收（万元）",
      "用地（亩）",
      "发明专利（件）",
      "行业排名",
    ] as Col[]) {
      const v = cells[col];
      if (typeof v === "string" && /^\d+(\.\d+)?$/.test(v)) cells[col] = Number(v);
    }
    if (!named) {
      // The messy ways real sheets write things.
      const inv = cells["计划总投资"];
      if (typeof inv === "string" && rng.next() < 0.12) cells["计划总投资"] = FULL_WIDTH_DIGIT(inv);
      const yes = cells["高新技术企业"];
      if (yes === "是") cells["高新技术企业"] = pick(rng, ["是", "是", "√", "Y"]);
      if (yes === "否") cells["高新技术企业"] = pick(rng, ["否", "否", "", "×"]) || null;
      const date = cells["签约时间"];
      if (typeof date === "string") {
        const [y, m, d] = date.split("-").map(Number);
        const style = rng.next();
        cells["签约时间"] =
          style < 0.5
            ? new Date(Date.UTC(y, m - 1, d))
            : style < 0.75
              ? `${y}.${m}.${d}`
              : `${y}年${m}月${d}日`;
      }
      cells["备注"] = "示例（虚构）";
      cells["跟进情况"] = pick(rng, FOLLOW_UPS) || null;
    } else {
      cells["备注"] = "据《平湖》2023年3月报道";
      const d = cells["签约时间"];
      if (typeof d === "string") {
        const [y, m, day] = d.split("-").map(Number);
        cells["签约时间"] = new Date(Date.UTC(y, m - 1, day));
      }
    }
    const name = String(cells["项目名称"]);
    for (const [col, byName] of Object.entries(JUDGEMENT_COLUMNS) as [
      Col,
      Record<string, string | number>,
    ][])
      if (byName[name] !== undefined) cells[col] = byName[name];
    rows.push({ cells, named });
  };
  NAMED.forEach((s) => add(s, true));
  INVENTED.forEach((s) => add(s, false));
  return rows;
}

export const TITLE = "平湖市2023年重点招商对象清单（示例数据）";
export const NOTE_LINE =
  "注：1. 金额以各栏或单元格注明的币种、单位为准；2. 前8个项目及数据摘自《平湖》2023年3月报道，其余标注“示例（虚构）”的项目均为虚构，仅供演示；3. 合计行为公式。";

/** The sample workbook: title row (merged), blank row, header, rows, 合计 row, note line, note sheet. */
export function buildSampleWorkbook(rows: SampleRow[] = sampleRows()): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ZS Scorer sample generator";
  wb.created = new Date(Date.UTC(2023, 2, 15));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(SAMPLE_SHEET, { views: [{ state: "frozen", ySplit: 4 }] });
  const n = HEADERS.length;
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).value = TITLE;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: "center" };
  ws.getCell(2, 1).value = "填报单位：市招商服务中心（示例）    更新时间：2023年3月15日";
  // Row 3 is left blank on purpose.
  const header = ws.getRow(4);
  HEADERS.forEach((h, k) => {
    header.getCell(k + 1).value = h;
    header.getCell(k + 1).font = { bold: true };
    header.getCell(k + 1).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEBF7" },
    };
  });
  const first = 5;
  rows.forEach((r, i) => {
    const row = ws.getRow(first + i);
    row.getCell(1).value = i + 1;
    HEADERS.forEach((h, k) => {
      if (k === 0) return;
      const v = r.cells[h];
      if (v !== null && v !== undefined) row.getCell(k + 1).value = v;
    });
    const signedOn = row.getCell(HEADERS.indexOf("签约时间") + 1);
    if (signedOn.value instanceof Date) signedOn.numFmt = "yyyy-mm-dd";
  });
  const last = first + rows.length - 1;
  const total = ws.getRow(last + 1);
  total.getCell(1).value = "合计";
  for (const h of [
    "合同外资（万美元）",
    "实际到资（万美元）",
    "年税收（万元）",
    "用地（亩）",
  ] as Col[]) {
    const k = HEADERS.indexOf(h) + 1;
    const letter = ws.getColumn(k).letter;
    const sum = rows.reduce(
      (s, r) => s + (typeof r.cells[h] === "number" ? (r.cells[h] as number) : 0),
      0
    );
    total.getCell(k).value = { formula: `SUM(${letter}${first}:${letter}${last})`, result: sum };
  }
  total.font = { bold: true };
  ws.getCell(last + 3, 1).value = NOTE_LINE;
  const widths: Partial<Record<Col, number>> = {
    项目名称: 36,
    项目简介: 40,
    所属产业链: 18,
    招商主体: 16,
    备注: 22,
    跟进情况: 20,
  };
  HEADERS.forEach((h, k) => (ws.getColumn(k + 1).width = widths[h] ?? 12));

  const notes = wb.addWorksheet("说明");
  const lines = [
    "本工作簿为 ZS Scorer（招商评分）的示例数据，由 scripts/make-sample.ts 生成（固定随机种子，可重复生成）。",
    "前 8 个项目取自《平湖》2023年3月“拼出‘一号工程’硬实力”报道，只填报道中给出的数字；报道未给出的栏目留空。",
    "其余项目均为虚构示例（备注栏标“示例（虚构）”），名称、金额、进度等均不对应任何真实企业。",
    "金额写法故意不统一（万美元、亿元、约、以上、区间、全角数字、USD 15m 等），以检验识别与折算。",
    "This workbook is sample data for ZS Scorer. The first 8 projects are from a March 2023 news article (its figures only); all others are INVENTED (marked 示例（虚构）).",
  ];
  lines.forEach((l, k) => (notes.getCell(k + 1, 1).value = l));
  notes.getColumn(1).width = 120;
  addBureauSheet(wb);
  return wb;
}

export const BUREAU_SHEET = "经开区报送清单";

/**
 * A second list written the way many bureaus send theirs: the unit once in a row above the table
 * (单位：万元、亩) and bare numbers below, land in 平方米 under its header, answers in words (a veto
 * with its reason, listing written by exchange or intention, origin as 日资/德资 or a province,
 * certificates with their year and intentions such as 拟申报). Every project is invented.
 */
export const BUREAU_HEADERS = [
  "序号",
  "项目名称",
  "投资方",
  "投资方国别",
  "总投资",
  "注册资本",
  "年税收",
  "用地面积（平方米）",
  "高新技术企业",
  "研发机构",
  "专精特新",
  "上市情况",
  "否决事项",
  "项目进度",
  "备注",
] as const;

export const BUREAU_ROWS: (string | number | null)[][] = [
  [
    1,
    "甲新材料薄膜项目",
    "甲新材料股份有限公司",
    "江苏",
    40000,
    12000,
    2400,
    53360,
    "是（2022年认定）",
    "省级",
    "拟申报",
    "沪市主板上市",
    "无",
    "已签约",
    "示例（虚构）",
  ],
  [
    2,
    "乙精密机床零部件项目",
    "乙精工株式会社",
    "日资",
    18000,
    5000,
    900,
    26680,
    "拟申报",
    "无",
    "省级专精特新",
    "东京证券交易所上市公司子公司",
    "无",
    "洽谈",
    "示例（虚构）",
  ],
  [
    3,
    "丙胶粘剂华东基地项目",
    "丙化学集团",
    "德资",
    65000,
    20000,
    3800,
    100050,
    "有",
    "国家级",
    "否",
    "非上市公司",
    "有（2022年环保行政处罚）",
    "对接",
    "示例（虚构）",
  ],
  [
    4,
    "丁储能模组项目",
    "丁科技有限公司",
    "浙江杭州",
    8000,
    3000,
    null,
    13340,
    "正在申请",
    "市级",
    "创新型中小企业",
    "拟上市（辅导备案）",
    "—",
    "已开工",
    "示例（虚构）",
  ],
];

/** Adds the bureau-style second sheet: title, unit row, header, rows, a note row. */
export function addBureauSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(BUREAU_SHEET);
  ws.getCell(1, 1).value = "独山港经济开发区2023年重点招商项目表（示例（虚构））";
  ws.getCell(2, 1).value = "单位：万元、亩";
  ws.getRow(3).values = [...BUREAU_HEADERS];
  BUREAU_ROWS.forEach((r, i) => (ws.getRow(4 + i).values = r));
  ws.getCell(5 + BUREAU_ROWS.length, 1).value = "注：用地面积按平方米填报；以上项目均为虚构示例。";
  return ws;
}

/** Test-only workbook: the same header with names that try markup injection. Never shipped as a sample. */
export function buildHostileWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2023, 2, 15));
  wb.modified = wb.created;
  const ws = wb.addWorksheet("清单");
  ws.addRow(["项目名称", "计划总投资", "所属产业链", "项目进度", "备注"]);
  ws.addRow(["<img src=x onerror=alert(1)>", "1亿元", "新能源汽车", "签约", "测试用（恶意名称）"]);
  ws.addRow([
    '"><script>alert(document.domain)</script>',
    "5000万元",
    "<b>光电通信</b>",
    "洽谈",
    "测试用（恶意名称）",
  ]);
  ws.addRow([
    '=HYPERLINK("http://example.invalid","点我")',
    "2000万美元",
    "生物医药",
    "签约",
    "测试用（公式注入）",
  ]);
  return wb;
}

async function main(): Promise<void> {
  await buildSampleWorkbook().xlsx.writeFile(SAMPLE_FILE);
  await buildHostileWorkbook().xlsx.writeFile(HOSTILE_FILE);
  console.log(
    `wrote ${path.relative(process.cwd(), SAMPLE_FILE)} and ${path.relative(process.cwd(), HOSTILE_FILE)}`
  );
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
