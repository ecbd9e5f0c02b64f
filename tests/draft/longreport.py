"""A long survey report (about 28 pages), seeded: the same every run.

Realistic 调研报告 text of 清河县 with what decides line breaks in real reports: figures and
percentages (half-width digits), Latin (``5G`` ``APP``), quotes and book-title marks, run-in and
standalone headings at three levels, paragraphs of every length.
"""

import random

_TOWNS = ("城关镇", "河口镇", "石桥镇", "柳林乡", "东坪乡", "青山镇", "白马镇", "杨家庄乡")
_WHO = ("县农业农村局", "县商务局", "县人社局", "县财政局", "县供销社", "县邮政分公司", "县电商服务中心",
        "各乡镇", "县发展改革局", "县市场监管局", "县文旅局", "县交通运输局")
_DID = ("深入推进电子商务进农村综合示范工作", "持续完善县乡村三级物流配送体系", "积极培育农村电商带头人",
        "组织开展“数商兴农”专项行动", "推动“快递进村”提质扩面", "加快建设农产品产地冷链集配中心",
        "引导合作社对接主流电商平台", "开展直播带货技能培训", "落实《江州市促进农村电子商务发展若干措施》",
        "推进5G基站向行政村延伸", "支持企业开发本地特色农产品APP和小程序")
_GOT = ("全年累计培训{n}人次", "带动{n}户农户增收", "农产品网络零售额达到{m}亿元，同比增长{p}%",
        "建成村级服务站点{n}个", "行政村快递服务覆盖率达到{p}%", "新增注册网店{n}家",
        "物流配送时效缩短{p}%", "冷链流通率提高到{p}%")
_BUT = ("但也要看到", "调研中也发现", "同时也存在一些问题", "从问卷情况看")
_ISSUE = ("部分站点运营困难、可持续性不强", "农产品标准化、品牌化程度不高", "专业人才引不进、留不住",
          "物流成本偏高，“最后一公里”仍有堵点", "部分政策落地不够及时", "数据统计口径不统一")


def _sentence(rng):
    who, did = rng.choice(_WHO), rng.choice(_DID)
    got = rng.choice(_GOT).format(n=rng.randint(12, 4800), m=round(rng.uniform(1.2, 38.6), 1),
                                  p=round(rng.uniform(3, 96), 1))
    town = rng.choice(_TOWNS)
    return rng.choice((f"{who}{did}，{got}。", f"{town}{did}，{got}，{rng.choice(_GOT).format(n=rng.randint(3, 900), m=round(rng.uniform(0.3, 9.9), 1), p=round(rng.uniform(1, 60), 1))}。",
                       f"{rng.choice(_BUT)}，{rng.choice(_ISSUE)}，{rng.choice(_ISSUE)}。",
                       f"截至{rng.randint(2022, 2023)}年{rng.randint(1, 12)}月底，{got}。"))


def paragraph(rng, lo=1, hi=5):
    return "".join(_sentence(rng) for _ in range(rng.randint(lo, hi)))


def long_report(seed=7, points=20):
    rng = random.Random(seed)

    def part(n):
        pts = []
        for k in range(points):
            if k % 3 == 2:
                pts.append({"heading": f"{rng.choice(_WHO)}{rng.choice(_DID)[:10]}", "run_in": False,
                            "text": paragraph(rng, 1, 2),
                            "points": [{"heading": rng.choice(_ISSUE)[:9], "text": paragraph(rng, 2, 4)}
                                       for _ in range(3)]})
            else:
                pts.append({"heading": rng.choice(_DID)[:12], "text": paragraph(rng, 2, 6)})
        return {"paragraphs": [paragraph(rng, 2, 4)], "points": pts}

    return {"kind": "调研报告", "title": "关于清河县农村电子商务发展情况的调研报告",
            "intro": [paragraph(rng, 3, 5) for _ in range(3)],
            "achievements": part(1), "problems": part(2), "recommendations": part(3),
            "closing": paragraph(rng, 1, 2), "signature": "清河县商务局调研组", "date": "2023年10月12日"}
