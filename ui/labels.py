"""Words for domain codes (order states, platforms), written through Qt's translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status_labels() -> dict[str, str]:
    return {
        "new": QCoreApplication.translate("Status", "新订单"),
        "held": QCoreApplication.translate("Status", "挂起"),
        "verified": QCoreApplication.translate("Status", "已审核"),
        "confirmed": QCoreApplication.translate("Status", "已确认"),
        "backordered": QCoreApplication.translate("Status", "缺货待补"),
        "packing": QCoreApplication.translate("Status", "打包中"),
        "packed": QCoreApplication.translate("Status", "已打包"),
        "labelled": QCoreApplication.translate("Status", "已打面单"),
        "shipped": QCoreApplication.translate("Status", "已发货"),
        "delivered": QCoreApplication.translate("Status", "已签收"),
        "cancelled": QCoreApplication.translate("Status", "已取消"),
    }


def platform_labels() -> dict[str, str]:
    return {
        "taobao": QCoreApplication.translate("Platform", "淘宝/天猫"),
        "pdd": QCoreApplication.translate("Platform", "拼多多"),
        "jd": QCoreApplication.translate("Platform", "京东"),
        "shopify": QCoreApplication.translate("Platform", "Shopify"),
        "manual": QCoreApplication.translate("Platform", "电话/邮件"),
        "generic": QCoreApplication.translate("Platform", "其他"),
        "exchange": QCoreApplication.translate("Platform", "换货"),
    }
