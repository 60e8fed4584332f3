<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="53" />
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="54" />
        <source>审核</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55" />
        <source>打包</source>
        <translation>Packing</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="56" />
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57" />
        <source>面单</source>
        <translation>Waybills</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58" />
        <source>交接</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="59" />
        <source>跟踪</source>
        <translation>Tracking</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60" />
        <source>退货</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="61" />
        <source>消息</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62" />
        <source>流程</source>
        <translation>Flow</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80" />
        <source>PackDesk 打包台</source>
        <translation>PackDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108" />
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113" />
        <source>导入订单…</source>
        <translation>Import orders…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
</context>
<context>
    <name>NotYetPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="72" />
        <source>「%1」窗口尚未提供。</source>
        <translation>The %1 window is not available yet.</translation>
    </message>
</context>
<context>
    <name>OrdersTable</name>
    <message>
        <location filename="../../ui/models/orders_table.py" line="36" />
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_table.py" line="37" />
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_table.py" line="38" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_table.py" line="39" />
        <source>收货人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_table.py" line="40" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_table.py" line="41" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_table.py" line="42" />
        <source>实付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_table.py" line="43" />
        <source>付款时间</source>
        <translation>Paid at</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_table.py" line="44" />
        <source>挂起原因</source>
        <translation>Held because</translation>
    </message>
</context>
<context>
    <name>OrdersWindow</name>
    <message>
        <location filename="../../ui/windows/orders.py" line="38" />
        <source>搜索订单号、收货人、电话…</source>
        <translation>Search order no., recipient, phone…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/orders.py" line="41" />
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/windows/orders.py" line="89" />
        <source>共 %n 单</source>
        <translation>
            <numerusform>%n orders</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/windows/orders.py" line="123" />
        <source>买家留言：</source>
        <translation>Buyer remark:</translation>
    </message>
    <message>
        <location filename="../../ui/windows/orders.py" line="124" />
        <source>卖家备注：</source>
        <translation>Seller remark:</translation>
    </message>
</context>
<context>
    <name>Platform</name>
    <message>
        <location filename="../../ui/labels.py" line="26" />
        <source>淘宝/天猫</source>
        <translation>Taobao/Tmall</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27" />
        <source>拼多多</source>
        <translation>Pinduoduo</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28" />
        <source>京东</source>
        <translation>JD</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29" />
        <source>Shopify</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30" />
        <source>电话/邮件</source>
        <translation>Phone/e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32" />
        <source>换货</source>
        <translation>Exchange</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/labels.py" line="10" />
        <source>新订单</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="11" />
        <source>挂起</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="12" />
        <source>已审核</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="13" />
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="14" />
        <source>缺货待补</source>
        <translation>Backordered</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="15" />
        <source>打包中</source>
        <translation>Packing</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16" />
        <source>已打包</source>
        <translation>Packed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17" />
        <source>已打面单</source>
        <translation>Labelled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18" />
        <source>已发货</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19" />
        <source>已签收</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20" />
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
</context>
</TS>