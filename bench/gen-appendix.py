#!/usr/bin/env python3
"""Write a TSV appendix with N deducted criteria (default 10000) to stdout.

The header row is the seed's; every criterion is a leaf worth 0,50 points,
assigned in turn to each default role, with Vietnamese titles and comments
long enough to exercise wrapping.  A total row closes the table."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
who = [
    "Giao CC Văn phòng – Thống kê phụ trách CCHC",
    "Giao cho Công chức chuyên môn ở bộ phận tiếp nhận và trả kết quả",
    "Giao CC Văn hoá –Xã hội phối hợp với CC Văn phòng – Thống kê",
    "Giao cho Công an xã và công chức Tư pháp – Hộ tịch",
    "Cán bộ, công chức",
    "Đài truyền thanh xã",
]
print("PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ CCHC XÃ BENCH %d TIÊU CHÍ" % n)
print()
print("\t".join("<b>%s</b>" % h for h in [
    "STT", "LĨNH VỰC / TIÊU CHÍ / TIÊU CHÍ THÀNH PHẦN", "ĐIỂM CHUẨN",
    "ĐIỂM TỰ ĐÁNH GIÁ", "ĐIỂM THẨM ĐỊNH",
    "ĐIỂM TRỪ SO VỚI ĐIỂM THẨM ĐỊNH VÀ ĐIỂM CHUẨN",
    "Ý KIẾN HỘI ĐỒNG THẨM ĐỊNH", "Người thực hiện chính"]))
for i in range(n):
    code = "%d.%d.%d" % (i // 1000 + 1, (i // 10) % 100 + 1, i % 10 + 1)
    print("\t".join([
        code,
        "<b>Tỷ lệ hồ sơ giải quyết TTHC số %d được luân chuyển bằng phương thức điện tử</b>" % i,
        "1,00", "1", "0,5", "- 0,5",
        "<p>Đơn vị chưa cung cấp tài liệu kiểm chứng đầy đủ; $b/a=%d/739=0,22<0,7$ nên đạt 0,5 điểm.</p>" % i,
        who[i % len(who)],
    ]))
print("\t".join(["<b>Tổng điểm</b>", "", "%d,00" % n, "%d,00" % n,
                 "%d,00" % (n // 2), "%d,00" % (n - n // 2), "", ""]))
