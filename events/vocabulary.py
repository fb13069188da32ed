"""Controlled vocabularies: kinds, roles, statuses, topics, with English and Vietnamese labels."""

from __future__ import annotations

from typing import Literal, NamedTuple


class Label(NamedTuple):
    en: str
    vi: str


Kind = Literal["dialogue", "visit", "meeting", "embassy_visit"]
KINDS: dict[str, Label] = {
    "dialogue": Label("Dialogue", "Đối thoại"),
    "visit": Label("Delegation visit", "Chuyến thăm"),
    "meeting": Label("Meeting", "Hội đàm, làm việc"),
    "embassy_visit": Label("Embassy visit", "Thăm cơ quan đại diện"),
}

Role = Literal[
    "co_chair",
    "chair",
    "host",
    "guest",
    "delegation_head",
    "delegation_member",
    "speaker",
    "attendee",
]
ROLES: dict[str, Label] = {
    "co_chair": Label("Co-chair", "Đồng chủ trì"),
    "chair": Label("Chair", "Chủ trì"),
    "host": Label("Host", "Chủ nhà"),
    "guest": Label("Guest", "Khách"),
    "delegation_head": Label("Head of delegation", "Trưởng đoàn"),
    "delegation_member": Label("Delegation member", "Thành viên đoàn"),
    "speaker": Label("Speaker", "Người trình bày"),
    "attendee": Label("Attendee", "Tham dự"),
}

Status = Literal["held", "planned", "cancelled"]
STATUSES: dict[str, Label] = {
    "held": Label("Held", "Đã diễn ra"),
    "planned": Label("Planned", "Dự kiến"),
    "cancelled": Label("Cancelled", "Bị hủy"),
}

Precision = Literal["day", "range", "month", "year"]
PRECISIONS: dict[str, Label] = {
    "day": Label("Day", "Ngày"),
    "range": Label("Range of days", "Khoảng ngày"),
    "month": Label("Month", "Tháng"),
    "year": Label("Year", "Năm"),
}

Language = Literal["vi", "en"]


class Topic(NamedTuple):
    en: str
    vi: str
    description: str


TOPICS: dict[str, Topic] = {
    "law_enforcement_cooperation": Topic(
        "Law enforcement cooperation",
        "Hợp tác thực thi pháp luật",
        "Cooperation between police, security and justice agencies in general.",
    ),
    "security_cooperation": Topic(
        "Security cooperation", "Hợp tác an ninh", "Security cooperation in general."
    ),
    "regional_security": Topic(
        "Regional security", "An ninh khu vực", "Security of the region, peace and stability."
    ),
    "maritime_security": Topic(
        "Maritime security", "An ninh hàng hải", "Security at sea, ports and shipping."
    ),
    "supply_chain_security": Topic(
        "Supply chain security", "An ninh chuỗi cung ứng", "Security of supply chains."
    ),
    "transnational_crime": Topic(
        "Transnational organised crime",
        "Tội phạm có tổ chức xuyên quốc gia",
        "Serious and organised crime that crosses borders.",
    ),
    "organised_crime": Topic(
        "Organised crime", "Tội phạm có tổ chức", "Organised criminal groups."
    ),
    "money_laundering": Topic("Money laundering", "Rửa tiền", "Laundering the proceeds of crime."),
    "terrorist_financing": Topic(
        "Terrorist financing", "Tài trợ khủng bố", "Financing of terrorism."
    ),
    "counter_terrorism": Topic(
        "Counter-terrorism", "Phòng, chống khủng bố", "Preventing and countering terrorism."
    ),
    "drug_trafficking": Topic(
        "Drugs", "Ma túy", "Drug crime: trafficking in narcotics and controlled drugs."
    ),
    "drug_precursors": Topic(
        "Drug precursors", "Tiền chất ma túy", "Precursor chemicals used to make drugs."
    ),
    "cybercrime": Topic("Cybercrime", "Tội phạm mạng", "Crime committed through computers."),
    "online_fraud": Topic(
        "Online fraud", "Lừa đảo trên không gian mạng", "Scams and fraud on the internet."
    ),
    "cybersecurity": Topic(
        "Cybersecurity", "An ninh mạng", "Security of networks and information systems."
    ),
    "data_security": Topic("Data security", "An ninh dữ liệu", "Protection of data."),
    "critical_technology": Topic(
        "Critical technology", "Công nghệ trọng yếu", "Critical and emerging technologies."
    ),
    "illegal_migration": Topic(
        "Illegal migration", "Nhập cư bất hợp pháp", "Irregular and illegal migration."
    ),
    "people_smuggling": Topic(
        "People smuggling",
        "Đưa người di cư trái phép",
        "Smuggling of migrants, including by sea.",
    ),
    "human_trafficking": Topic("Human trafficking", "Mua bán người", "Trafficking in persons."),
    "immigration": Topic(
        "Immigration and border management",
        "Quản lý xuất nhập cảnh",
        "Entry and exit, visas, border and customs control.",
    ),
    "financial_crime": Topic(
        "Financial crime", "Tội phạm tài chính", "Fraud, corruption and other financial crime."
    ),
    "extradition": Topic("Extradition", "Dẫn độ", "Surrender of wanted persons."),
    "mutual_legal_assistance": Topic(
        "Mutual legal assistance",
        "Tương trợ tư pháp",
        "Mutual legal assistance in criminal matters.",
    ),
    "fugitives": Topic(
        "Fugitives", "Truy nã", "Locating and returning internationally wanted persons."
    ),
    "criminal_justice": Topic(
        "Criminal justice", "Tư pháp hình sự", "Courts, prosecution and criminal procedure."
    ),
    "capacity_building": Topic(
        "Capacity building", "Nâng cao năng lực", "Training, equipment and technical assistance."
    ),
    "information_sharing": Topic(
        "Information sharing", "Trao đổi thông tin", "Exchange of information and intelligence."
    ),
    "disaster_management": Topic(
        "Disaster risk reduction",
        "Giảm thiểu rủi ro thảm họa",
        "Disaster risk reduction, emergency response and recovery.",
    ),
    "climate_change": Topic("Climate change", "Biến đổi khí hậu", "Climate change and its risks."),
    "defence_cooperation": Topic(
        "Defence cooperation", "Hợp tác quốc phòng", "Military and defence cooperation."
    ),
    "peacekeeping": Topic(
        "Peacekeeping", "Gìn giữ hòa bình", "United Nations peacekeeping operations."
    ),
    "consular_affairs": Topic(
        "Protection of citizens",
        "Bảo hộ công dân",
        "Consular work and the protection of citizens abroad.",
    ),
    "war_legacy": Topic(
        "War legacy",
        "Khắc phục hậu quả chiến tranh",
        "Missing personnel, unexploded ordnance and other legacies of war.",
    ),
    "nationals_abroad": Topic(
        "Vietnamese nationals abroad",
        "Người Việt Nam ở nước ngoài",
        "The Vietnamese community, students and workers abroad.",
    ),
    "bilateral_relations": Topic(
        "Bilateral relations",
        "Quan hệ song phương",
        "The two countries' relations and partnership in general.",
    ),
    "national_security": Topic(
        "National security", "An ninh quốc gia", "Protecting the state's security and order."
    ),
    "border_security": Topic(
        "Border security", "An ninh biên giới", "Security of the common border."
    ),
    "crime_prevention": Topic(
        "Crime prevention", "Phòng, chống tội phạm", "Preventing and combating crime in general."
    ),
    "child_abuse": Topic(
        "Child abuse", "Xâm hại trẻ em", "Abuse and sexual exploitation of children."
    ),
    "wildlife_trafficking": Topic(
        "Wildlife trafficking", "Buôn bán động vật hoang dã", "Illegal trade in wildlife."
    ),
    "financial_intelligence": Topic(
        "Financial intelligence",
        "Thông tin tài chính",
        "Intelligence on suspicious financial transactions.",
    ),
    "joint_investigation": Topic(
        "Joint investigation", "Điều tra chung", "Investigations run together by both sides."
    ),
    "equipment_support": Topic(
        "Equipment support", "Hỗ trợ trang thiết bị", "Equipment given or lent to the other side."
    ),
    "delegation_exchange": Topic(
        "Delegation exchange", "Trao đổi đoàn", "Exchanges of delegations at all levels."
    ),
    "high_level_visit_security": Topic(
        "Security of high-level visits and key projects",
        "Bảo vệ an ninh các chuyến thăm cấp cao và công trình trọng điểm",
        "Protecting leaders' visits and key projects.",
    ),
    "development_assistance": Topic(
        "Development assistance (ODA)",
        "Hỗ trợ phát triển chính thức (ODA)",
        "Official development assistance.",
    ),
    "economic_trade_cooperation": Topic(
        "Economic and trade cooperation",
        "Hợp tác kinh tế - thương mại",
        "Economic, trade and investment cooperation.",
    ),
    "culture_sports_exchange": Topic(
        "Culture and sports exchange",
        "Giao lưu văn hóa, thể thao",
        "Cultural, sports and language exchanges.",
    ),
    "embassy_work_briefing": Topic(
        "Embassy work briefing",
        "Báo cáo công tác của cơ quan đại diện",
        "A mission's account of its work to a visiting delegation.",
    ),
}
