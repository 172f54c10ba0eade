#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""gen-appendix.py: write a synthetic appendix with N deducted criteria.

Usage: bench/gen-appendix.py [N] > appendix.tsv      (N defaults to 10000)

The output is a tab-separated table with the seed's header row (the
Hiền Thành appendix's column names), a title line above it, N leaf
criteria "A.B" (every one deducted, so every one becomes a task), texts
with Vietnamese diacritics, assignments spread over the default roles
(and some for all staff and some for nobody), and a "Tổng điểm" row whose
figures add up.  The same N always gives the same file.
"""
import random
import sys

HEADER = [
    "<b>STT</b>",
    "<b>LĨNH VỰC / TIÊU CHÍ / TIÊU CHÍ THÀNH PHẦN</b>",
    "<b>ĐIỂM CHUẨN</b>",
    "<b>ĐIỂM TỰ ĐÁNH GIÁ</b>",
    "<b>ĐIỂM THẨM ĐỊNH</b>",
    "<b>ĐIỂM TRỪ SO VỚI ĐIỂM THẨM ĐỊNH VÀ ĐIỂM CHUẨN</b>",
    "<b>Ý KIẾN HỘI ĐỒNG THẨM ĐỊNH</b>",
    "<b>Người thực hiện chính</b>",
]

ASSIGNEES = [
    "Giao CC Văn phòng – Thống kê phụ trách CCHC khắc phục",
    "Giao công chức Tư pháp – Hộ tịch thực hiện",
    "Giao CC Văn hoá – Xã hội phối hợp với CC Văn phòng – Thống kê",
    "Giao cho Công chức chuyên môn ở bộ phận tiếp nhận và trả kết quả",
    "Giao cho Công an xã và công chức Tư pháp – Hộ tịch tham mưu",
    "Cán bộ phụ trách Đài truyền thanh xã",
    "Cán bộ, công chức",
    "Ban chỉ đạo (chưa phân công)",
]

TITLES = [
    "Mức độ thực hiện kế hoạch cải cách hành chính",
    "Tỷ lệ hồ sơ giải quyết thủ tục hành chính đúng hạn",
    "Đối thoại của lãnh đạo UBND xã với người dân, doanh nghiệp",
    "Mức độ đa dạng trong tuyên truyền cải cách hành chính",
    "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ",
    "Thực hiện quy định công khai xin lỗi trong giải quyết TTHC",
]

COMMENTS = [
    "Đơn vị chưa cung cấp đầy đủ tài liệu kiểm chứng; đề nghị bổ sung "
    "trong 6 tháng cuối năm.",
    "Tỷ lệ $b/a=164/739=0,22<0,7$ nên đạt 0 điểm.",
    "<p>Chưa có hình thức tuyên truyền mới như: tổ chức cuộc thi tìm hiểu "
    "về CCHC; tọa đàm; sân khấu hóa.</p>",
    "Đồng ý",
]


def fmt(thousandths):
    """2 decimals with a decimal comma, as the appendix writes scores."""
    sign = "-" if thousandths < 0 else ""
    v = abs(thousandths)
    return "%s%d,%02d" % (sign, v // 1000, (v % 1000) // 10)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    rnd = random.Random(n)
    out = sys.stdout
    out.write("**PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ CCHC XÃ THỬ NGHIỆM "
              "6 THÁNG ĐẦU NĂM 2023 (%d TIÊU CHÍ)**\n\n" % n)
    out.write("\t".join(HEADER) + "\n")
    total_std = total_self = total_app = 0
    per = 100
    for i in range(n):
        code = "%d.%d" % (i // per + 1, i % per + 1)
        std = 1000 * rnd.choice([1, 1, 2, 3])
        app = rnd.randrange(0, std, 10)
        self_ = std
        total_std += std
        total_self += self_
        total_app += app
        row = [
            code,
            "%s (%d)" % (rnd.choice(TITLES), i + 1),
            fmt(std),
            fmt(self_),
            fmt(app),
            fmt(app - std),
            rnd.choice(COMMENTS),
            ASSIGNEES[i % len(ASSIGNEES)],
        ]
        out.write("\t".join(row) + "\n")
    out.write("\t".join(["<b>Tổng điểm</b>", "", fmt(total_std),
                         fmt(total_self), fmt(total_app),
                         fmt(total_self - total_app), "", ""]) + "\n")


if __name__ == "__main__":
    main()
