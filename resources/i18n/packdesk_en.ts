<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>Application</name>
    <message>
        <location filename="../../ui/application.py" line="67" />
        <source>PackDesk 无法启动</source>
        <translation>PackDesk cannot start</translation>
    </message>
</context>
<context>
    <name>CarrierChoiceDialog</name>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="42" />
        <source>选择快递 — 订单 {order}</source>
        <translation>Choose carrier — order {order}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="60" />
        <source>改用其他快递或服务时必填</source>
        <translation>Required when choosing another carrier or service</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="69" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="70" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="75" />
        <source>服务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="76" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="114" />
        <source>没有能承运此包裹的快递公司</source>
        <translation>No carrier can take this parcel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="116" />
        <source>推荐：{carrier} {service}，¥{price}，预计 {date} 送达</source>
        <translation>Suggested: {carrier} {service}, ¥{price}, delivery expected {date}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="124" />
        <source>。所有快递都晚于承诺的送达日期，请告知客户</source>
        <translation>. Every carrier arrives after the promised delivery date; tell the customer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="133" />
        <source>当前：{carrier} {service}</source>
        <translation>Now: {carrier} {service}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="135" />
        <source>（面单已打印）</source>
        <translation> (waybill printed)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="136" />
        <source>，运单号 {number}{printed}</source>
        <translation>, tracking number {number}{printed}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="177" />
        <source>（晚于承诺）</source>
        <translation> (later than promised)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="179" />
        <source>{name}  ¥{price}  预计 {date} 送达{late}</source>
        <translation>{name}  ¥{price}  delivery expected {date}{late}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="205" />
        <source>请选择一家快递公司</source>
        <translation>Please choose a carrier</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="208" />
        <source>{carrier} 不能承运：{why}</source>
        <translation>{carrier} cannot take it: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/carrier_choice.py" line="214" />
        <source>没有选推荐的快递和服务，请写明原因</source>
        <translation>Not the suggested carrier and service: please give a reason</translation>
    </message>
</context>
<context>
    <name>CarrierHeaderForm</name>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="55" />
        <source>承运大件（冰箱、洗衣机等送货上门）</source>
        <translation>Takes large goods (fridges, washing machines, delivered to the door)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="57" />
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="58" />
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="59" />
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="60" />
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="61" />
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="62" />
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="63" />
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="76" />
        <source>隐私面单（姓名、电话中间打星号）</source>
        <translation>Privacy waybill (mask the middle of name and phone)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="77" />
        <source>启用（参与选快递）</source>
        <translation>Active (offered when choosing a carrier)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="78" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="85" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="86" />
        <source>最大重量</source>
        <translation>Maximum weight</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="87" />
        <source>最长边</source>
        <translation>Longest side</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="88" />
        <source>三边之和</source>
        <translation>Sum of sides</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="89" />
        <source>抛比（体积重除数）</source>
        <translation>Volumetric divisor</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="91" />
        <source>收件日</source>
        <translation>Pickup days</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="92" />
        <source>截单时间</source>
        <translation>Cut-off time</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="93" />
        <source>节假日停运</source>
        <translation>Closed on holidays</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="115" />
        <source>元旦</source>
        <translation>New Year's Day</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="116" />
        <source>春节</source>
        <translation>Spring Festival</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="117" />
        <source>清明节</source>
        <translation>Tomb-Sweeping Day</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="118" />
        <source>劳动节</source>
        <translation>Labour Day</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="119" />
        <source>端午节</source>
        <translation>Dragon Boat Festival</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="120" />
        <source>国庆节</source>
        <translation>National Day</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/carrier_header.py" line="121" />
        <source>中秋节</source>
        <translation>Mid-Autumn Festival</translation>
    </message>
</context>
<context>
    <name>CarriersWindow</name>
    <message>
        <location filename="../../ui/windows/carriers.py" line="59" />
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="59" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="59" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="69" />
        <source>代码，如 KYE</source>
        <translation>Code, e.g. KYE</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="71" />
        <source>名称，如 跨越速运</source>
        <translation>Name, e.g. 跨越速运</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="72" />
        <source>添加快递公司</source>
        <translation>Add carrier</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="73" />
        <source>删除快递公司…</source>
        <translation>Remove carrier…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="75" />
        <source>只能删除从未用过的快递公司（如误加的）；用过的请取消「启用」</source>
        <translation>Only a carrier never used (one added by mistake) can be removed; untick "Active" for one that was used</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="77" />
        <source>导入 JSON…</source>
        <translation>Import JSON…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="78" />
        <source>导出 JSON…</source>
        <translation>Export JSON…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="85" />
        <source>基本信息</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="104" />
        <source>服务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="105" />
        <source>价格</source>
        <translation>Prices</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="106" />
        <source>时效</source>
        <translation>Transit</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="107" />
        <source>地区</source>
        <translation>Regions</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="108" />
        <location filename="../../ui/windows/carriers.py" line="158" />
        <source>三段码</source>
        <translation>Sort code</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="113" />
        <source>特快</source>
        <translation>Express</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="114" />
        <source>标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="115" />
        <source>经济</source>
        <translation>Economy</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="116" />
        <source>大件</source>
        <translation>Freight</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="118" />
        <source>不送达</source>
        <translation>Not served</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="118" />
        <source>偏远</source>
        <translation>Remote</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="122" />
        <source>服务名称</source>
        <translation>Service name</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="123" />
        <source>时效等级</source>
        <translation>Speed class</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="124" />
        <source>时效增减（天）</source>
        <translation>Transit adjustment (days)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="125" />
        <source>价格（%）</source>
        <translation>Price (%)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="126" />
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="127" />
        <location filename="../../ui/windows/carriers.py" line="202" />
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="132" />
        <location filename="../../ui/windows/carriers.py" line="141" />
        <source>区</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="133" />
        <source>首重 kg</source>
        <translation>First weight kg</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="134" />
        <source>首重价 ¥</source>
        <translation>First weight ¥</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="135" />
        <source>续重价 ¥/kg</source>
        <translation>Extra ¥/kg</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="140" />
        <location filename="../../ui/windows/carriers.py" line="147" />
        <location filename="../../ui/windows/carriers.py" line="155" />
        <source>省份</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="142" />
        <source>时效（天）</source>
        <translation>Transit (days)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="148" />
        <source>城市（空 = 全省）</source>
        <translation>City (empty = whole province)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="149" />
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="150" />
        <source>多加天数</source>
        <translation>Extra days</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="156" />
        <source>城市</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="157" />
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="159" />
        <source>集包地</source>
        <translation>Hub</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="202" />
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="232" />
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="233" />
        <source>当前快递公司有未保存的修改，放弃这些修改吗？</source>
        <translation>This carrier has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="275" />
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="305" />
        <source>已添加 %1；设好价格后勾选「启用」</source>
        <translation>Added %1; tick “Active” once its prices are set</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="311" />
        <source>删除快递公司</source>
        <translation>Remove carrier</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="312" />
        <source>删除快递公司 %1 及其价格、时效和三段码？此操作不能撤销。</source>
        <translation>Remove carrier %1 with its prices, transit days and sort codes? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="332" />
        <source>已删除快递公司 %1</source>
        <translation>Removed carrier %1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="336" />
        <source>导入快递公司目录</source>
        <translation>Import carrier catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="336" />
        <location filename="../../ui/windows/carriers.py" line="353" />
        <source>JSON 文件 (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="346" />
        <source>已导入：新增 %1 家，更新 %2 家</source>
        <translation>Imported: %1 carriers added, %2 updated</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="353" />
        <source>导出快递公司目录</source>
        <translation>Export carrier catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/windows/carriers.py" line="360" />
        <source>已导出 %1 家快递公司</source>
        <translation>Exported %1 carriers</translation>
    </message>
</context>
<context>
    <name>CatalogImport</name>
    <message>
        <location filename="../../ui/dialogs/catalog_import.py" line="15" />
        <source>新增 %1 个，更新 %2 个，未变 %3 个（编码 %4）</source>
        <translation>%1 added, %2 updated, %3 unchanged (encoding %4)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalog_import.py" line="27" />
        <source>未导入的行：</source>
        <translation>Rows not imported:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalog_import.py" line="37" />
        <source>导入商品目录</source>
        <translation>Import product catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalog_import.py" line="39" />
        <source>表格 (*.csv *.xlsx)</source>
        <translation>Spreadsheets (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalog_import.py" line="47" />
        <source>商品目录未导入</source>
        <translation>Catalogue not imported</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalog_import.py" line="51" />
        <source>商品目录已导入</source>
        <translation>Catalogue imported</translation>
    </message>
</context>
<context>
    <name>CatalogueTable</name>
    <message>
        <location filename="../../ui/widgets/catalogue_table.py" line="95" />
        <source>添加一行</source>
        <translation>Add line</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/catalogue_table.py" line="96" />
        <source>删除所选行</source>
        <translation>Delete selected rows</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/catalogue_table.py" line="97" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ColumnMappingPage</name>
    <message>
        <location filename="../../ui/widgets/column_mapping.py" line="45" />
        <source>例如：微信群订单</source>
        <translation>e.g. WeChat group orders</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/column_mapping.py" line="59" />
        <source>方案名称</source>
        <translation>Mapping name</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/column_mapping.py" line="65" />
        <source>为每个字段选择文件中的列（* 为必填）：</source>
        <translation>Choose the file column for each field (* = required):</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/column_mapping.py" line="71" />
        <source>「%1」不是已知格式，请建立列映射方案（编码：%2）</source>
        <translation>“%1” is not a known format; please set up a column mapping (encoding: %2)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/column_mapping.py" line="84" />
        <source>（不导入）</source>
        <translation>(do not import)</translation>
    </message>
</context>
<context>
    <name>CompensationCause</name>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="57" />
        <source>快递</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="58" />
        <source>打包</source>
        <translation>Packing</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="59" />
        <source>库存</source>
        <translation>Stock</translation>
    </message>
</context>
<context>
    <name>CompensationKind</name>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="49" />
        <source>优惠券</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="50" />
        <source>部分退款</source>
        <translation>Partial refund</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="51" />
        <source>补发</source>
        <translation>Resend</translation>
    </message>
</context>
<context>
    <name>CompensationState</name>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="65" />
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="66" />
        <source>待主管审批</source>
        <translation>Awaiting supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="67" />
        <source>已驳回</source>
        <translation>Declined</translation>
    </message>
</context>
<context>
    <name>CycleCount</name>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="47" />
        <source>商品编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="48" />
        <source>品名</source>
        <translation>Product name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="49" />
        <source>账面</source>
        <translation>Book</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="50" />
        <source>实盘</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="51" />
        <source>差异</source>
        <translation>Difference</translation>
    </message>
</context>
<context>
    <name>CycleCountDialog</name>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="93" />
        <source>循环盘点</source>
        <translation>Cycle count</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="98" />
        <source>开始盘点（锁定库位）</source>
        <translation>Start count (locks bins)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="99" />
        <source>打印盘点单…</source>
        <translation>Print count sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="101" />
        <source>扫描商品条码，回车记一件</source>
        <translation>Scan a barcode; Enter counts one unit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="109" />
        <source>主管审批并调整库存</source>
        <translation>Supervisor approve and adjust stock</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="110" />
        <source>放弃盘点</source>
        <translation>Abandon count</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="115" />
        <source>库位</source>
        <translation>Bin</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="120" />
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="121" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="166" />
        <source>盘点单 %1 已开始，库位已锁定</source>
        <translation>Count %1 started; bins locked</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="175" />
        <source>已记: %1</source>
        <translation>Counted: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="183" />
        <source>保存盘点单</source>
        <translation>Save count sheet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="205" />
        <source>已审批，差异已记入库存台账，库位已解锁</source>
        <translation>Approved; differences posted to the stock ledger, bins unlocked</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cycle_count.py" line="211" />
        <source>盘点已放弃，库位已解锁</source>
        <translation>Count abandoned; bins unlocked</translation>
    </message>
</context>
<context>
    <name>DemandChart</name>
    <message>
        <location filename="../../ui/widgets/demand_chart.py" line="40" />
        <source>实际销量（件/天）</source>
        <translation>Actual sales (units/day)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/demand_chart.py" line="51" />
        <source>预测（件/天）</source>
        <translation>Forecast (units/day)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/demand_chart.py" line="77" />
        <source>需求: 周季节性 × 趋势 %1 × 节日峰值 %2</source>
        <translation>Demand: weekly seasonality × trend %1 × holiday peak %2</translation>
    </message>
</context>
<context>
    <name>ExceptionAction</name>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="45" />
        <source>已致电快递</source>
        <translation>Called carrier</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="46" />
        <source>已告知客户</source>
        <translation>Customer informed</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="47" />
        <source>申请拦截</source>
        <translation>Request intercept</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="48" />
        <source>申请改地址</source>
        <translation>Request address change</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="49" />
        <source>已建退货</source>
        <translation>Return created</translation>
    </message>
</context>
<context>
    <name>ExceptionQueue</name>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="55" />
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="56" />
        <source>已发出</source>
        <translation>Since shipped</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="57" />
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="58" />
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="59" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="60" />
        <source>快递</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="61" />
        <source>运单号</source>
        <translation>Tracking no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="62" />
        <source>最新状态</source>
        <translation>Latest status</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="63" />
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="64" />
        <source>发现时间</source>
        <translation>Found at</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="65" />
        <source>已处理</source>
        <translation>Actions taken</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="72" />
        <source>{d}天{h}小时</source>
        <translation>{d} d {h} h</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="73" />
        <source>{h}小时</source>
        <translation>{h} h</translation>
    </message>
</context>
<context>
    <name>FeedbackCategory</name>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="37" />
        <source>延误</source>
        <translation>Delay</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="38" />
        <source>破损</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="39" />
        <source>发错货</source>
        <translation>Wrong item</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="40" />
        <source>少件</source>
        <translation>Missing item</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="41" />
        <source>快递服务</source>
        <translation>Carrier service</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="42" />
        <source>表扬</source>
        <translation>Praise</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="43" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="93" />
        <source>选择照片…</source>
        <translation>Choose photos…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="98" />
        <source>记录反馈</source>
        <translation>Record feedback</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="102" />
        <location filename="../../ui/widgets/feedback_panel.py" line="114" />
        <location filename="../../ui/widgets/feedback_panel.py" line="166" />
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="103" />
        <location filename="../../ui/widgets/feedback_panel.py" line="115" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="104" />
        <location filename="../../ui/widgets/feedback_panel.py" line="117" />
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="105" />
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="107" />
        <source>客户反馈</source>
        <translation>Customer feedback</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="113" />
        <location filename="../../ui/widgets/feedback_panel.py" line="165" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="116" />
        <source>打包人</source>
        <translation>Packed by</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="118" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="143" />
        <source>金额（元）</source>
        <translation>Amount (CNY)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="146" />
        <source>发优惠券时填写</source>
        <translation>Fill in for coupons</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="147" />
        <source>为选中的反馈登记补偿</source>
        <translation>Add compensation for the selected feedback</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="151" />
        <location filename="../../ui/widgets/feedback_panel.py" line="167" />
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="152" />
        <location filename="../../ui/widgets/feedback_panel.py" line="168" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="153" />
        <source>原因归属</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="154" />
        <source>券码</source>
        <translation>Coupon code</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="156" />
        <source>已批准合计</source>
        <translation>Approved total</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="157" />
        <source>补偿</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="169" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="170" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="176" />
        <source>主管批准</source>
        <translation>Supervisor approve</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="176" />
        <source>驳回</source>
        <translation>Decline</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="186" />
        <source>补偿记录（超过限额须主管审批）</source>
        <translation>Compensation (above the limit needs supervisor approval)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="197" />
        <source>客户照片</source>
        <translation>Customer photos</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="197" />
        <source>图片 (*.jpg *.jpeg *.png *.heic)</source>
        <translation>Images (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="237" />
        <source>{c} {k} {n} 次</source>
        <translation>{c} {k} ×{n}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="240" />
        <source>打包相关反馈（按打包员）：{p}</source>
        <translation>Packing feedback by packer: {p}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="255" />
        <source>，打包人 {c}</source>
        <translation>, packed by {c}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="256" />
        <source>反馈 {n} 已记录{c}</source>
        <translation>Feedback {n} recorded{c}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="269" />
        <source>请先在列表中选中一条反馈</source>
        <translation>Select a feedback entry in the list first</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/feedback_panel.py" line="283" />
        <location filename="../../ui/widgets/feedback_panel.py" line="297" />
        <source>补偿 {n}：{s}</source>
        <translation>Compensation {n}: {s}</translation>
    </message>
</context>
<context>
    <name>FlowTargetsDialog</name>
    <message>
        <location filename="../../ui/dialogs/flow_targets.py" line="31" />
        <source>流程目标时间</source>
        <translation>Flow target times</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/flow_targets.py" line="44" />
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/flow_targets.py" line="45" />
        <source>不设目标</source>
        <translation>No target</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/flow_targets.py" line="53" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/flow_targets.py" line="54" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/flow_targets.py" line="67" />
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>FlowWindow</name>
    <message>
        <location filename="../../ui/windows/flow.py" line="73" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="75" />
        <source>打印流程图…</source>
        <translation>Print flow chart…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="77" />
        <source>目标时间…</source>
        <translation>Target times…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="82" />
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="84" />
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="104" />
        <source>点击步骤可查看停在该步骤的订单。在办 = 现在停在此步；经过、中位、P90、异常 = 所选日期内。</source>
        <translation>Click a step to see the orders waiting there. Open = waiting at this step now; passed, median, P90, exceptions = within the chosen dates.</translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="134" />
        <source>「%1」没有自己的订单状态</source>
        <translation>“%1” has no order state of its own</translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="153" />
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="181" />
        <source>最慢</source>
        <translation>Slowest</translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="182" />
        <source>最慢（相对目标）：</source>
        <translation>Slowest (against target): </translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="183" />
        <source>已更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="189" />
        <source>计算失败：</source>
        <translation>Calculation failed: </translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="199" />
        <source>保存流程图</source>
        <translation>Save flow chart</translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="199" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="208" />
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location filename="../../ui/windows/flow.py" line="212" />
        <source>已保存 </source>
        <translation>Saved </translation>
    </message>
</context>
<context>
    <name>HandoverWindow</name>
    <message>
        <location filename="../../ui/windows/handover.py" line="51" />
        <source>开始交接</source>
        <translation>Start handover</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="53" />
        <source>完成交接并打印交接单</source>
        <translation>Finish handover and print handover sheet</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="56" />
        <source>补打交接清单…</source>
        <translation>Reprint manifest…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="60" />
        <source>扫描运单号后回车</source>
        <translation>Scan tracking no., then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="70" />
        <source>请选择快递公司并开始交接</source>
        <translation>Choose a carrier and start the handover</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="78" />
        <source>快递公司</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="86" />
        <source>已扫描</source>
        <translation>Scanned</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="87" />
        <source>未扫描</source>
        <translation>Not scanned</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="103" />
        <source>交接单 {id} · {carrier}：应交 {expected} 件，已扫 {scanned} 件</source>
        <translation>Handover {id} · {carrier}: {expected} parcels due, {scanned} scanned</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="117" />
        <location filename="../../ui/windows/handover.py" line="165" />
        <source>（第 {piece} 件）</source>
        <translation> (parcel {piece})</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="139" />
        <source>{carrier} 的交接单 {id} 还没有完成，继续在这张单上扫描</source>
        <translation>{carrier} handover {id} is not finished yet; go on scanning into it</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="154" />
        <source>停止发货！</source>
        <translation>Stop shipment!</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="162" />
        <source>已扫入：{no} 订单 {order}</source>
        <translation>Scanned: {no} order {order}</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="174" />
        <source>交接完成：发出 {n} 件</source>
        <translation>Handover done: {n} parcels sent</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="176" />
        <source>；未扫描 {m} 件：</source>
        <translation>; {m} not scanned: </translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="180" />
        <source>；已从清单拿掉，请从快递员处取回：</source>
        <translation>; taken off the manifest, get it back from the courier: </translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="186" />
        <source>。交接已完成，可用「补打交接清单…」重新保存</source>
        <translation>. The handover is closed; save it again with "Reprint manifest…"</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="201" />
        <source>保存交接单</source>
        <translation>Save handover sheet</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="203" />
        <location filename="../../ui/windows/handover.py" line="234" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="217" />
        <source>已补打交接单 {id} 的交接清单</source>
        <translation>Manifest of handover {id} reprinted</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="222" />
        <source>补打交接清单</source>
        <translation>Reprint manifest</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="223" />
        <source>交接单号</source>
        <translation>Handover number</translation>
    </message>
    <message>
        <location filename="../../ui/windows/handover.py" line="232" />
        <source>保存补打的交接清单</source>
        <translation>Save the reprinted manifest</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="60" />
        <location filename="../../ui/dialogs/import_dialog.py" line="195" />
        <source>导入订单</source>
        <translation>Import orders</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="77" />
        <source>自动识别</source>
        <translation>Auto-detect</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="78" />
        <source>淘宝/天猫</source>
        <translation>Taobao/Tmall</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="79" />
        <source>拼多多</source>
        <translation>Pinduoduo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="80" />
        <source>京东</source>
        <translation>JD</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="82" />
        <source>通用表格</source>
        <translation>Generic spreadsheet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="85" />
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="87" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="89" />
        <source>开始导入</source>
        <translation>Start import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="93" />
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="99" />
        <source>淘宝订单报表与宝贝报表请一起选择。</source>
        <translation>Select the Taobao order report and item report together.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="105" />
        <source>保存方案并导入</source>
        <translation>Save mapping and import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="107" />
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="117" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="118" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="133" />
        <source>（仅显示前 %1 行，完整内容请导出报告）</source>
        <translation>(Only the first %1 rows shown; export the report for all)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="139" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="140" />
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="141" />
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="142" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="143" />
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="144" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="149" />
        <source>只看被拒绝的行</source>
        <translation>Rejected rows only</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="151" />
        <source>导出报告 CSV…</source>
        <translation>Export report CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="153" />
        <source>宝贝标题对应商家编码…</source>
        <translation>Map listing titles to SKUs…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="155" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="181" />
        <source>选择订单文件</source>
        <translation>Choose order files</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="181" />
        <source>表格 (*.csv *.xlsx);;所有文件 (*)</source>
        <translation>Spreadsheets (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="195" />
        <source>请先添加文件。</source>
        <translation>Add files first.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="200" />
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="219" />
        <source>列映射方案</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="250" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="256" />
        <source>已处理 %1 / %2 个订单</source>
        <translation>%1 / %2 orders processed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="264" />
        <source>新订单 %1，已更新 %2，无变化 %3，拒绝 %4 行；平台取消已挂起 %5，已拦截 %6。编码：%7</source>
        <translation>%1 new, %2 updated, %3 unchanged, %4 rows rejected; platform cancellations: %5 held, %6 intercepted. Encoding: %7</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="283" />
        <source>导入已取消，未保存任何数据。</source>
        <translation>Import cancelled; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="285" />
        <source>导入失败，未保存任何数据：</source>
        <translation>Import failed; nothing was saved: </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="322" />
        <source>导出导入报告</source>
        <translation>Export import report</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="322" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="56" />
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57" />
        <source>审核</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58" />
        <source>打包</source>
        <translation>Packing</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="59" />
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60" />
        <source>面单</source>
        <translation>Waybills</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="61" />
        <source>交接</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62" />
        <source>跟踪</source>
        <translation>Tracking</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63" />
        <source>退货</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64" />
        <source>消息</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>流程</source>
        <translation>Flow</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66" />
        <source>快递公司</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84" />
        <source>PackDesk 打包台</source>
        <translation>PackDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112" />
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>导入订单…</source>
        <translation>Import orders…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121" />
        <source>新建电话/邮件订单…</source>
        <translation>New phone/e-mail order…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>导入商品目录…</source>
        <translation>Import product catalogue…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128" />
        <source>商品标题映射…</source>
        <translation>Product title mapping…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
</context>
<context>
    <name>ManualOrderDialog</name>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="55" />
        <source>录入电话/邮件订单</source>
        <translation>Enter phone/e-mail order</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="59" />
        <source>按商家编码、名称或条码搜索商品</source>
        <translation>Search products by SKU, name or barcode</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="65" />
        <source>加入订单</source>
        <translation>Add to order</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="70" />
        <source>商家编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="71" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="72" />
        <location filename="../../ui/dialogs/manual_order.py" line="148" />
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="73" />
        <source>单价</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="74" />
        <source>改价原因</source>
        <translation>Price change reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="82" />
        <source>邮件订单必填，用于发送确认与发货通知</source>
        <translation>Required for e-mail orders; used for confirmation and shipping notices</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="84" />
        <source>整段粘贴地址，按“拆分”</source>
        <translation>Paste the whole address, then press “Split”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="85" />
        <source>拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="89" />
        <source>已付款</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="91" />
        <location filename="../../ui/dialogs/manual_order.py" line="115" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="92" />
        <source>邮件</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="93" />
        <source>要求发货日期</source>
        <translation>Requested ship date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="114" />
        <source>收货人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="116" />
        <source>电子邮箱</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="120" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="123" />
        <source>省</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="124" />
        <source>市</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="125" />
        <source>区/县</source>
        <translation>District/County</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="130" />
        <source>详细地址</source>
        <translation>Street address</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="131" />
        <source>邮编</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="136" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="142" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="144" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="151" />
        <source>保存订单</source>
        <translation>Save order</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="153" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_order.py" line="253" />
        <source>第 %1 行：</source>
        <translation>Line %1: </translation>
    </message>
</context>
<context>
    <name>NotYetPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
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
        <location filename="../../ui/windows/orders.py" line="43" />
        <source>搜索订单号、收货人、电话…</source>
        <translation>Search order no., recipient, phone…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/orders.py" line="46" />
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/windows/orders.py" line="68" />
        <source>打印流程单…</source>
        <translation>Print flow sheet…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/windows/orders.py" line="110" />
        <source>共 %n 单</source>
        <translation>
            <numerusform>%n order</numerusform><numerusform>%n orders</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/windows/orders.py" line="136" />
        <source>保存流程单</source>
        <translation>Save flow sheet</translation>
    </message>
    <message>
        <location filename="../../ui/windows/orders.py" line="143" />
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location filename="../../ui/windows/orders.py" line="166" />
        <source>买家留言：</source>
        <translation>Buyer remark:</translation>
    </message>
    <message>
        <location filename="../../ui/windows/orders.py" line="167" />
        <source>卖家备注：</source>
        <translation>Seller remark:</translation>
    </message>
</context>
<context>
    <name>OutboxWindow</name>
    <message>
        <location filename="../../ui/windows/outbox.py" line="31" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="32" />
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="33" />
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="34" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="35" />
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="36" />
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="42" />
        <source>标记为已发送</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="43" />
        <source>导出CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="44" />
        <location filename="../../ui/windows/outbox.py" line="107" />
        <source>编辑模板</source>
        <translation>Edit templates</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="45" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="57" />
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="58" />
        <source>邮件</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="59" />
        <source>平台消息</source>
        <translation>Platform message</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="60" />
        <source>待发送</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="61" />
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="62" />
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="90" />
        <source>不能标记</source>
        <translation>Cannot mark</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="95" />
        <source>导出消息</source>
        <translation>Export messages</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="107" />
        <source>模板：</source>
        <translation>Template:</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="112" />
        <source>可用占位符：</source>
        <translation>Available placeholders:</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="115" />
        <source>邮件主题</source>
        <translation>E-mail subject</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="118" />
        <source>模板内容</source>
        <translation>Template text</translation>
    </message>
    <message>
        <location filename="../../ui/windows/outbox.py" line="125" />
        <source>模板有误</source>
        <translation>Template error</translation>
    </message>
</context>
<context>
    <name>PackingLines</name>
    <message>
        <location filename="../../ui/models/packing_lines.py" line="31" />
        <source>图片</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../../ui/models/packing_lines.py" line="32" />
        <source>商家编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/models/packing_lines.py" line="33" />
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/models/packing_lines.py" line="34" />
        <source>应扫</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/models/packing_lines.py" line="35" />
        <source>已扫</source>
        <translation>Scanned</translation>
    </message>
    <message>
        <location filename="../../ui/models/packing_lines.py" line="36" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/models/packing_lines.py" line="98" />
        <source>易碎</source>
        <translation>Fragile</translation>
    </message>
</context>
<context>
    <name>PackingWindow</name>
    <message>
        <location filename="../../ui/windows/packing.py" line="76" />
        <source>扫描或输入订单号、商品条码……</source>
        <translation>Scan or type an order no. or product barcode…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/packing.py" line="103" />
        <source>F2 用建议箱子 · F4 勾选下一步 · F6 质检合格 · F7 质检不合格 · F8 读秤 · F9 主管放行扫描 · F10 主管放行重量 · F11 下一个包裹 · F12 装箱单 · Esc 关闭订单</source>
        <translation>F2 suggested box · F4 tick next step · F6 QC pass · F7 QC fail · F8 read scale · F9 supervisor release scan · F10 supervisor release weight · F11 next parcel · F12 packing slip · Esc close order</translation>
    </message>
    <message>
        <location filename="../../ui/windows/packing.py" line="176" />
        <source>下一次扫描数量：×{0}</source>
        <translation>Next scan quantity: ×{0}</translation>
    </message>
    <message>
        <location filename="../../ui/windows/packing.py" line="191" />
        <source>订单 {0} 已扫描完成</source>
        <translation>Order {0} fully scanned</translation>
    </message>
    <message>
        <location filename="../../ui/windows/packing.py" line="198" />
        <source>请扫描商品（{0}/{1}）</source>
        <translation>Scan products ({0}/{1})</translation>
    </message>
    <message>
        <location filename="../../ui/windows/packing.py" line="211" />
        <source>全部扫描完成，请装箱称重</source>
        <translation>All scanned; box and weigh the parcel</translation>
    </message>
    <message>
        <location filename="../../ui/windows/packing.py" line="224" />
        <source>主管放行扫描</source>
        <translation>Supervisor release scan</translation>
    </message>
    <message>
        <location filename="../../ui/windows/packing.py" line="246" />
        <source>主管已放行：{0}</source>
        <translation>Supervisor released: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/windows/packing.py" line="266" />
        <source>等待扫描订单</source>
        <translation>Waiting for an order scan</translation>
    </message>
    <message>
        <location filename="../../ui/windows/packing.py" line="269" />
        <source>请扫描订单号、拣货单或商品条码</source>
        <translation>Scan an order no., pick list or product barcode</translation>
    </message>
    <message>
        <location filename="../../ui/windows/packing.py" line="283" />
        <source>订单 {0} · {1} · {2} · {3}/{4} 件</source>
        <translation>Order {0} · {1} · {2} · {3}/{4} units</translation>
    </message>
    <message>
        <location filename="../../ui/windows/packing.py" line="319" />
        <source>{0} 扫描 {1} 件，错扫 {2} 次，打包 {3} 单</source>
        <translation>{0}: {1} units scanned, {2} wrong scans, {3} orders packed</translation>
    </message>
    <message>
        <location filename="../../ui/windows/packing.py" line="324" />
        <source>今日：</source>
        <translation>Today: </translation>
    </message>
    <message>
        <location filename="../../ui/windows/packing.py" line="324" />
        <source>暂无扫描</source>
        <translation>No scans yet</translation>
    </message>
</context>
<context>
    <name>ParcelPanel</name>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="51" />
        <source>请先打开订单</source>
        <translation>Open an order first</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="65" />
        <source>已用建议的箱子</source>
        <translation>Using the suggested box</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="71" />
        <source>已选箱子 {0}</source>
        <translation>Box {0} chosen</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="77" />
        <source>清单已完成，请质检（F6/F7）</source>
        <translation>Checklist done; do QC (F6/F7)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="81" />
        <source>已完成：{0}</source>
        <translation>Done: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="85" />
        <source>质检合格</source>
        <translation>QC passed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="85" />
        <source>质检不合格，已记返工，请重新打包</source>
        <translation>QC failed; rework recorded, pack again</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="98" />
        <source>重量 {0} kg</source>
        <translation>Weight {0} kg</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="104" />
        <source>重量 {0} kg 与应有 {1} kg 不符，需主管放行（F10）</source>
        <translation>Weight {0} kg does not match expected {1} kg; needs supervisor release (F10)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="114" />
        <source>未设置秤的串口；请直接输入重量，如 1.25kg</source>
        <translation>No scale port set; type the weight instead, e.g. 1.25kg</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="126" />
        <source>主管放行重量</source>
        <translation>Supervisor release weight</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="133" />
        <source>主管已放行重量</source>
        <translation>Supervisor released the weight</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="140" />
        <source>已开始下一个包裹</source>
        <translation>Next parcel started</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="156" />
        <source>装箱单已生成：{0}</source>
        <translation>Packing slip created: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="167" />
        <source>面单自动打印失败：{0}</source>
        <translation>Waybill auto-print failed: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="169" />
        <source>面单已打印：{0}</source>
        <translation>Waybill printed: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="179" />
        <source>质检</source>
        <translation>QC</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_panel.py" line="182" />
        <source>包裹 {0} · 建议 {1} + {2}（{3}）· 已选 {4} + {5}
重量 {6} kg · 应为 {7} kg · 体积重 {8} kg · 返工 {9} 次
{10} {11}</source>
        <translation>Parcel {0} · suggested {1} + {2} ({3}) · chosen {4} + {5}
Weight {6} kg · expected {7} kg · volumetric {8} kg · rework ×{9}
{10} {11}</translation>
    </message>
</context>
<context>
    <name>ParcelTimeline</name>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="63" />
        <source>扫描或输入运单号，回车查看</source>
        <translation>Scan or type a tracking no., Enter to view</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="70" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="71" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="72" />
        <source>快递原文</source>
        <translation>Carrier text</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="73" />
        <source>地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="74" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="75" />
        <location filename="../../ui/widgets/parcel_timeline.py" line="100" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="98" />
        <source>时间（空=现在）</source>
        <translation>Time (empty = now)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="106" />
        <source>添加记录</source>
        <translation>Add event</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="107" />
        <source>回单签收</source>
        <translation>Proof of delivery</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="108" />
        <source>导入快递表格…</source>
        <translation>Import carrier spreadsheet…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="129" />
        <source>订单 {o}　收件人 {r}　{c} {t}　发出 {s}　预计送达 {e}</source>
        <translation>Order {o}　Recipient {r}　{c} {t}　Shipped {s}　Expected {e}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="171" />
        <source>已记录</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="171" />
        <source>这条记录已存在</source>
        <translation>This event already exists</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="181" />
        <source>回单已扫描，包裹记为已签收</source>
        <translation>Receipt scanned; parcel marked delivered</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="186" />
        <source>导入物流表格</source>
        <translation>Import tracking spreadsheet</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="186" />
        <source>表格 (*.csv *.xlsx)</source>
        <translation>Spreadsheets (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="192" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="202" />
        <source>{f}：新增 {s} 条，已有 {u} 条，签收 {d} 件，新异常 {x} 个，拒绝 {r} 行</source>
        <translation>{f}: {s} new events, {u} already known, {d} delivered, {x} new exceptions, {r} rows rejected</translation>
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
        <translation>Shopify</translation>
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
    <name>ReceiveGoodsDialog</name>
    <message>
        <location filename="../../ui/dialogs/receive_goods.py" line="27" />
        <source>入库</source>
        <translation>Receive goods</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receive_goods.py" line="30" />
        <source>扫描或输入商品编码</source>
        <translation>Scan or type a SKU</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receive_goods.py" line="34" />
        <source>件（可填 打、8只装 等包装单位）</source>
        <translation>units (or a pack unit such as dozen, 8-pack)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receive_goods.py" line="36" />
        <source>不填则放回原库位</source>
        <translation>Leave empty for the usual bin</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receive_goods.py" line="41" />
        <source>入库并打印入库单…</source>
        <translation>Receive and print receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receive_goods.py" line="43" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receive_goods.py" line="46" />
        <source>商品编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receive_goods.py" line="47" />
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receive_goods.py" line="48" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receive_goods.py" line="49" />
        <source>库位</source>
        <translation>Bin</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receive_goods.py" line="73" />
        <source>%1 入库 %2 件，在库 %3</source>
        <translation>%1: %2 units received, %3 on hand</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receive_goods.py" line="84" />
        <source>保存入库单</source>
        <translation>Save goods receipt</translation>
    </message>
</context>
<context>
    <name>ReturnReceivingPanel</name>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="53" />
        <source>扫描退货单号、退回运单号或商品条码，回车</source>
        <translation>Scan return no., return tracking no. or product barcode, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="59" />
        <source>件号</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="60" />
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="61" />
        <source>扫描内容</source>
        <translation>Scanned code</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="62" />
        <source>收货</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="63" />
        <source>判定</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="64" />
        <source>备注 / 问题</source>
        <translation>Notes / problem</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="75" />
        <source>单件备注（可选）</source>
        <translation>Unit note (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="76" />
        <location filename="../../ui/widgets/return_receiving.py" line="187" />
        <source>附照片…</source>
        <translation>Attach photo…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="77" />
        <source>检验完成</source>
        <translation>Inspection done</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="81" />
        <source>可再售</source>
        <translation>Resellable</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="82" />
        <source>破损隔离</source>
        <translation>Damaged – quarantine</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="83" />
        <source>报废</source>
        <translation>Scrap</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="84" />
        <source>退供应商</source>
        <translation>Return to supplier</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="118" />
        <source>预期</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="118" />
        <source>意外</source>
        <translation>Unexpected</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="144" />
        <source>已打开退货单 {rma}</source>
        <translation>Return {rma} opened</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="148" />
        <source>请先扫描退货单号或退回运单号</source>
        <translation>Scan a return no. or return tracking no. first</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="171" />
        <source>没有待判定的商品</source>
        <translation>No items waiting to be graded</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="188" />
        <source>第 {n} 件已判定</source>
        <translation>Unit {n} graded</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="194" />
        <source>选择照片</source>
        <translation>Choose photo</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/return_receiving.py" line="194" />
        <source>图片 (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>ReturnRequestDialog</name>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="39" />
        <source>新建退货</source>
        <translation>New return</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="43" />
        <source>订单号 / 运单号 / 手机号，回车查找</source>
        <translation>Order no. / tracking no. / mobile, Enter to search</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="44" />
        <source>查找订单</source>
        <translation>Find order</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="45" />
        <source>未预约到货（暂无订单，以后关联）</source>
        <translation>Unannounced arrival (no order yet, link later)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="55" />
        <source>商品编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="56" />
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="57" />
        <source>可退/已发</source>
        <translation>Returnable/Shipped</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="58" />
        <source>退货数量</source>
        <translation>Return qty</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="59" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="60" />
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="65" />
        <source>添加一行</source>
        <translation>Add line</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="71" />
        <source>登记退货</source>
        <translation>Register return</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="72" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="78" />
        <source>原订单</source>
        <translation>Original order</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="80" />
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="81" />
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="82" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="134" />
        <source>订单 {no}，收货人 {name}，{phone}</source>
        <translation>Order {no}, recipient {name}, {phone}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_request.py" line="158" />
        <source>请先查找订单</source>
        <translation>Find the order first</translation>
    </message>
</context>
<context>
    <name>ReturnShippingDialog</name>
    <message>
        <location filename="../../ui/dialogs/return_shipping.py" line="29" />
        <source>登记退回物流 {rma}</source>
        <translation>Return shipping for {rma}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_shipping.py" line="36" />
        <source>买家承担</source>
        <translation>Buyer pays</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_shipping.py" line="37" />
        <source>卖家承担</source>
        <translation>Seller pays</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_shipping.py" line="46" />
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_shipping.py" line="47" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_shipping.py" line="51" />
        <source>快递公司</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_shipping.py" line="52" />
        <source>退回运单号</source>
        <translation>Return tracking no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_shipping.py" line="53" />
        <source>运费承担</source>
        <translation>Postage paid by</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_shipping.py" line="54" />
        <source>买家垫付运费</source>
        <translation>Postage advanced by buyer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_shipping.py" line="55" />
        <source>退回地址</source>
        <translation>Return address</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_shipping.py" line="65" />
        <source>运费不是金额</source>
        <translation>Postage is not an amount</translation>
    </message>
</context>
<context>
    <name>ReturnState</name>
    <message>
        <location filename="../../ui/models/returns_table.py" line="33" />
        <source>已申请</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="34" />
        <source>已同意</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="35" />
        <source>退回途中</source>
        <translation>Returning</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="36" />
        <source>已收货</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="37" />
        <source>已检验</source>
        <translation>Inspected</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="38" />
        <source>已退款</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="39" />
        <source>已换货</source>
        <translation>Exchanged</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="40" />
        <source>已拒绝</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>ReturnsTable</name>
    <message>
        <location filename="../../ui/models/returns_table.py" line="46" />
        <source>退货单号</source>
        <translation>Return no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="47" />
        <source>原订单</source>
        <translation>Original order</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="48" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="49" />
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="50" />
        <source>已收/申请</source>
        <translation>Received/Requested</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="51" />
        <source>已过</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="52" />
        <source>本状态</source>
        <translation>In state</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="53" />
        <source>申请时间</source>
        <translation>Requested at</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="62" />
        <source>{d}天{h}小时</source>
        <translation>{d} d {h} h</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="64" />
        <source>{h}小时</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="65" />
        <source>{m}分钟</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <location filename="../../ui/models/returns_table.py" line="122" />
        <source>未关联</source>
        <translation>Not linked</translation>
    </message>
</context>
<context>
    <name>ReturnsWindow</name>
    <message>
        <location filename="../../ui/windows/returns.py" line="72" />
        <source>同意</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="73" />
        <location filename="../../ui/windows/returns.py" line="77" />
        <location filename="../../ui/windows/returns.py" line="115" />
        <source>拒绝</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="74" />
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="75" />
        <location filename="../../ui/windows/returns.py" line="116" />
        <location filename="../../ui/windows/returns.py" line="326" />
        <source>关联订单</source>
        <translation>Link order</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="76" />
        <source>审核同意</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="78" />
        <source>退回物流</source>
        <translation>Return shipping</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="79" />
        <source>收货</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="80" />
        <source>判定</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="81" />
        <source>检验完成</source>
        <translation>Inspection done</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="82" />
        <location filename="../../ui/windows/returns.py" line="119" />
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="83" />
        <location filename="../../ui/windows/returns.py" line="120" />
        <source>换货</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="87" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="90" />
        <source>新建退货 (Ctrl+N)</source>
        <translation>New return (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="91" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="114" />
        <location filename="../../ui/windows/returns.py" line="306" />
        <source>同意退货</source>
        <translation>Approve return</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="117" />
        <source>登记退回物流</source>
        <translation>Record return shipping</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="118" />
        <source>打印退货单</source>
        <translation>Print return slip</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="207" />
        <source>&lt;p&gt;选择左侧的退货单，或扫描退货单号。&lt;/p&gt;</source>
        <translation>&lt;p&gt;Choose a return on the left, or scan a return no.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="215" />
        <source>原订单：{o}　客户：{c}　电话：{p}</source>
        <translation>Original order: {o}　Customer: {c}　Phone: {p}</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="216" />
        <source>未关联</source>
        <translation>Not linked</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="221" />
        <source>审核：{r}</source>
        <translation>Decision: {r}</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="233" />
        <source>编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="234" />
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="235" />
        <source>申请</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="236" />
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="237" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="238" />
        <source>政策</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="246" />
        <source>退回物流：{c} {n}，{a}</source>
        <translation>Return shipping: {c} {n}, {a}</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="252" />
        <source>退款：{m}</source>
        <translation>Refund: {m}</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="255" />
        <source>换货订单：{o}</source>
        <translation>Exchange order: {o}</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="264" />
        <source>处理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="273" />
        <location filename="../../ui/windows/returns.py" line="282" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="274" />
        <location filename="../../ui/windows/returns.py" line="283" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="306" />
        <source>拒绝退货</source>
        <translation>Reject return</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="307" />
        <source>理由（会发送给客户）：</source>
        <translation>Reason (sent to the customer):</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="314" />
        <source>仍然同意（主管放行）？</source>
        <translation>Approve anyway (supervisor release)?</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="326" />
        <source>订单号 / 运单号 / 手机号：</source>
        <translation>Order no. / tracking no. / mobile:</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="336" />
        <source>保存退货单</source>
        <translation>Save return slip</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="336" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="346" />
        <source>已保存 {f}</source>
        <translation>Saved {f}</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="356" />
        <source>{sku}：{n}/{q} 件，实付 {paid}（已摊优惠 {d}），退 {r}</source>
        <translation>{sku}: {n}/{q} units, paid {paid} (discount share {d}), refund {r}</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="369" />
        <source>运费 {p}（{rule}），退回运费 {rp}
合计退款 {t}</source>
        <translation>Postage {p} ({rule}), return postage {rp}
Total refund {t}</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="376" />
        <source>确认退款</source>
        <translation>Confirm refund</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="380" />
        <source>确认换货</source>
        <translation>Confirm exchange</translation>
    </message>
    <message>
        <location filename="../../ui/windows/returns.py" line="380" />
        <source>按退回的商品生成换货订单？</source>
        <translation>Create an exchange order for the returned items?</translation>
    </message>
</context>
<context>
    <name>RuleSettingsPanel</name>
    <message>
        <location filename="../../ui/widgets/rule_settings.py" line="32" />
        <location filename="../../ui/widgets/rule_settings.py" line="33" />
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rule_settings.py" line="34" />
        <location filename="../../ui/widgets/rule_settings.py" line="35" />
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rule_settings.py" line="40" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rule_settings.py" line="45" />
        <source>交接后多久没有揽收算异常</source>
        <translation>No pickup this long after handover is an exception</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rule_settings.py" line="46" />
        <source>运输中多久没有新记录算异常</source>
        <translation>No new event this long in transit is an exception</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rule_settings.py" line="47" />
        <source>超过预计送达日几天算异常</source>
        <translation>Days past expected delivery before an exception</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rule_settings.py" line="48" />
        <source>只监控最近几天发出的包裹</source>
        <translation>Watch only parcels shipped in the last</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rule_settings.py" line="49" />
        <source>补偿超过此金额须主管审批</source>
        <translation>Compensation above this needs supervisor approval</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rule_settings.py" line="80" />
        <source>已保存，下次刷新异常时生效</source>
        <translation>Saved; applies at the next exception refresh</translation>
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
<context>
    <name>StockDetailView</name>
    <message>
        <location filename="../../ui/widgets/stock_detail.py" line="66" />
        <source>选择一个商品查看台账与需求</source>
        <translation>Choose a product to see its ledger and demand</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stock_detail.py" line="84" />
        <source>%1 %2  库位 %3  在库 %4  预留 %5  可用 %6  ABC %7</source>
        <translation>%1 %2  Bin %3  On hand %4  Reserved %5  Available %6  ABC %7</translation>
    </message>
</context>
<context>
    <name>StockMoves</name>
    <message>
        <location filename="../../ui/widgets/stock_detail.py" line="22" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stock_detail.py" line="23" />
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stock_detail.py" line="24" />
        <source>在库变动</source>
        <translation>On-hand change</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stock_detail.py" line="25" />
        <source>预留变动</source>
        <translation>Reserved change</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stock_detail.py" line="26" />
        <source>库位</source>
        <translation>Bin</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stock_detail.py" line="27" />
        <source>操作人</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stock_detail.py" line="28" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>StockTable</name>
    <message>
        <location filename="../../ui/models/stock_table.py" line="54" />
        <source>商品编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_table.py" line="55" />
        <source>品名</source>
        <translation>Product name</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_table.py" line="56" />
        <source>库位</source>
        <translation>Bin</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_table.py" line="57" />
        <source>在库</source>
        <translation>On hand</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_table.py" line="58" />
        <source>预留</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_table.py" line="59" />
        <source>可用</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_table.py" line="60" />
        <source>补货点</source>
        <translation>Reorder point</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_table.py" line="61" />
        <source>安全库存</source>
        <translation>Safety stock</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_table.py" line="62" />
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_table.py" line="63" />
        <source>下周预测</source>
        <translation>Next week forecast</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_table.py" line="64" />
        <source>预警</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_table.py" line="65" />
        <source>建议采购</source>
        <translation>Suggested order</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_table.py" line="72" />
        <source>到达补货点</source>
        <translation>At reorder point</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_table.py" line="73" />
        <source>低于安全库存</source>
        <translation>Below safety stock</translation>
    </message>
</context>
<context>
    <name>StockWindow</name>
    <message>
        <location filename="../../ui/windows/stock.py" line="47" />
        <source>筛选：商品编码、品名、条码或库位</source>
        <translation>Filter: SKU, name, barcode or bin</translation>
    </message>
    <message>
        <location filename="../../ui/windows/stock.py" line="49" />
        <source>只看预警</source>
        <translation>Alerts only</translation>
    </message>
    <message>
        <location filename="../../ui/windows/stock.py" line="50" />
        <source>重算 ABC 与预测</source>
        <translation>Recalculate ABC and forecast</translation>
    </message>
    <message>
        <location filename="../../ui/windows/stock.py" line="51" />
        <source>循环盘点…</source>
        <translation>Cycle count…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/stock.py" line="52" />
        <source>入库…</source>
        <translation>Receive goods…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/stock.py" line="99" />
        <source>%1 个商品</source>
        <translation>%1 products</translation>
    </message>
    <message>
        <location filename="../../ui/windows/stock.py" line="122" />
        <source>正在重算 ABC 分类与需求预测…</source>
        <translation>Recalculating ABC classes and demand forecast…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/stock.py" line="128" />
        <source>已重算 %1 个商品</source>
        <translation>%1 products recalculated</translation>
    </message>
    <message>
        <location filename="../../ui/windows/stock.py" line="132" />
        <source>重算失败：%1</source>
        <translation>Recalculation failed: %1</translation>
    </message>
</context>
<context>
    <name>SupervisorOverrideDialog</name>
    <message>
        <location filename="../../ui/dialogs/packing_override.py" line="29" />
        <source>商品行</source>
        <translation>Order line</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/packing_override.py" line="30" />
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/packing_override.py" line="31" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/packing_override.py" line="35" />
        <source>放行</source>
        <translation>Release</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/packing_override.py" line="36" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TitleMappingDialog</name>
    <message>
        <location filename="../../ui/dialogs/title_mapping.py" line="28" />
        <source>宝贝标题对应商家编码</source>
        <translation>Listing titles to SKUs</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/title_mapping.py" line="32" />
        <source>例如：CUP-QING*2, BOX-GIFT</source>
        <translation>e.g. CUP-QING*2, BOX-GIFT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/title_mapping.py" line="35" />
        <source>保存对应关系</source>
        <translation>Save mapping</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/title_mapping.py" line="37" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/title_mapping.py" line="41" />
        <source>商家编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/title_mapping.py" line="45" />
        <source>以下宝贝标题还没有对应的商家编码：</source>
        <translation>These listing titles have no SKU yet:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/title_mapping.py" line="67" />
        <source>已保存，补全了 %1 个订单行。</source>
        <translation>Saved; %1 order lines completed.</translation>
    </message>
</context>
<context>
    <name>TrackSource</name>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="44" />
        <source>手工</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="45" />
        <source>扫描</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="46" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>TrackStatus</name>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="32" />
        <source>已揽收</source>
        <translation>Picked up</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="33" />
        <source>运输中</source>
        <translation>In transit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="34" />
        <source>派送中</source>
        <translation>Out for delivery</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="35" />
        <source>已签收</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="36" />
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="37" />
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parcel_timeline.py" line="38" />
        <source>问题件</source>
        <translation>Problem parcel</translation>
    </message>
</context>
<context>
    <name>TrackingRule</name>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="34" />
        <source>交接后无揽收</source>
        <translation>No pickup after handover</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="35" />
        <source>运输中长时间无更新</source>
        <translation>No update in transit</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="36" />
        <source>超过预计送达日</source>
        <translation>Past expected delivery</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="37" />
        <source>客户拒收</source>
        <translation>Refused by customer</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="38" />
        <source>退回寄件人</source>
        <translation>Returned to sender</translation>
    </message>
    <message>
        <location filename="../../ui/models/exception_queue.py" line="39" />
        <source>问题件</source>
        <translation>Problem parcel</translation>
    </message>
</context>
<context>
    <name>TrackingWindow</name>
    <message>
        <location filename="../../ui/windows/tracking.py" line="46" />
        <source>物流异常</source>
        <translation>Delivery exceptions</translation>
    </message>
    <message>
        <location filename="../../ui/windows/tracking.py" line="49" />
        <source>包裹轨迹</source>
        <translation>Parcel tracking</translation>
    </message>
    <message>
        <location filename="../../ui/windows/tracking.py" line="51" />
        <source>客户反馈与补偿</source>
        <translation>Feedback and compensation</translation>
    </message>
    <message>
        <location filename="../../ui/windows/tracking.py" line="53" />
        <source>规则设置</source>
        <translation>Rule settings</translation>
    </message>
    <message>
        <location filename="../../ui/windows/tracking.py" line="71" />
        <source>通话内容 / 给客户的补充说明 / 新地址 / 处理结果</source>
        <translation>Call notes / note to customer / new address / outcome</translation>
    </message>
    <message>
        <location filename="../../ui/windows/tracking.py" line="74" />
        <source>记录致电快递</source>
        <translation>Log carrier call</translation>
    </message>
    <message>
        <location filename="../../ui/windows/tracking.py" line="75" />
        <source>发送客户告知</source>
        <translation>Notify customer</translation>
    </message>
    <message>
        <location filename="../../ui/windows/tracking.py" line="76" />
        <source>申请拦截</source>
        <translation>Request intercept</translation>
    </message>
    <message>
        <location filename="../../ui/windows/tracking.py" line="77" />
        <source>申请改地址</source>
        <translation>Request address change</translation>
    </message>
    <message>
        <location filename="../../ui/windows/tracking.py" line="78" />
        <source>建退货单</source>
        <translation>Create return</translation>
    </message>
    <message>
        <location filename="../../ui/windows/tracking.py" line="79" />
        <source>关闭（填写结果）</source>
        <translation>Close (enter outcome)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/tracking.py" line="80" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/windows/tracking.py" line="111" />
        <source>未结异常 {n} 个</source>
        <translation>{n} open exceptions</translation>
    </message>
    <message>
        <location filename="../../ui/windows/tracking.py" line="133" />
        <source>请先选中一个异常</source>
        <translation>Select an exception first</translation>
    </message>
    <message>
        <location filename="../../ui/windows/tracking.py" line="143" />
        <source>已记录：{o} {t}</source>
        <translation>Recorded: {o} {t}</translation>
    </message>
</context>
<context>
    <name>VerificationWindow</name>
    <message>
        <location filename="../../ui/windows/verification.py" line="104" />
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="104" />
        <source>商家编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="104" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="104" />
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="119" />
        <source>重新审核</source>
        <translation>Re-verify</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="120" />
        <location filename="../../ui/windows/verification.py" line="262" />
        <source>主管放行</source>
        <translation>Supervisor release</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="121" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="122" />
        <source>审核全部新订单</source>
        <translation>Verify all new orders</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="123" />
        <source>确认全部无问题订单</source>
        <translation>Confirm all clean orders</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="131" />
        <source>问题（点击定位到字段）</source>
        <translation>Problems (click to go to the field)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="89" />
        <source>收件电话</source>
        <translation>Recipient phone</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="89" />
        <source>收货地址</source>
        <translation>Delivery address</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="136" />
        <source>订单历史</source>
        <translation>Order history</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="140" />
        <source>挂起的订单（最早的在前）</source>
        <translation>Held orders (oldest first)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="173" />
        <source>挂起</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="173" />
        <source>提醒</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="173" />
        <source>信息</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="234" />
        <source>不能修改</source>
        <translation>Cannot edit</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="239" />
        <source>修改电话</source>
        <translation>Edit phone</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="241" />
        <source>修改地址</source>
        <translation>Edit address</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="251" />
        <source>修改商家编码</source>
        <translation>Edit SKU</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="262" />
        <source>放行理由：</source>
        <translation>Release reason:</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="268" />
        <source>不能放行</source>
        <translation>Cannot release</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="293" />
        <source>审核完成：通过 %1，挂起 %2</source>
        <translation>Verification done: %1 passed, %2 held</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="300" />
        <source>审核失败</source>
        <translation>Verification failed</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="306" />
        <source>确认订单</source>
        <translation>Confirm orders</translation>
    </message>
    <message>
        <location filename="../../ui/windows/verification.py" line="306" />
        <source>已确认 %1 单</source>
        <translation>%1 orders confirmed</translation>
    </message>
</context>
<context>
    <name>WaybillPreviewDialog</name>
    <message>
        <location filename="../../ui/dialogs/waybill_preview.py" line="14" />
        <source>面单预览</source>
        <translation>Waybill preview</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_preview.py" line="27" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>WaybillQueue</name>
    <message>
        <location filename="../../ui/models/waybill_queue.py" line="29" />
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_queue.py" line="30" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_queue.py" line="31" />
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_queue.py" line="32" />
        <source>目的地</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_queue.py" line="33" />
        <source>快递</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_queue.py" line="34" />
        <source>运单号</source>
        <translation>Tracking no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_queue.py" line="35" />
        <source>打印时间</source>
        <translation>Printed at</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_queue.py" line="36" />
        <source>停止发货</source>
        <translation>Stop shipment</translation>
    </message>
</context>
<context>
    <name>WaybillsWindow</name>
    <message>
        <location filename="../../ui/windows/waybills.py" line="45" />
        <source>隐私面单（姓名电话打码）</source>
        <translation>Privacy waybill (name and phone masked)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="65" />
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="71" />
        <source>选择快递…</source>
        <translation>Choose carrier…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="72" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="73" />
        <source>打印到PDF</source>
        <translation>Print to PDF</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="74" />
        <source>打印到打印机</source>
        <translation>Print to printer</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="75" />
        <source>重打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="76" />
        <location filename="../../ui/windows/waybills.py" line="239" />
        <location filename="../../ui/windows/waybills.py" line="244" />
        <source>作废面单</source>
        <translation>Void waybill</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="77" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="107" />
        <source>停止发货！以下订单已在平台取消：</source>
        <translation>Stop shipment! These orders were cancelled on the platform:</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="123" />
        <source>请先选择订单</source>
        <translation>Select orders first</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="144" />
        <source>选择快递时请只选一个订单</source>
        <translation>Select only one order to choose its carrier</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="151" />
        <source>{order}：快递已定为 {carrier} {service}</source>
        <translation>{order}: carrier set to {carrier} {service}</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="178" />
        <source>已打印 {n} 张面单</source>
        <translation>Waybills printed: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="200" />
        <location filename="../../ui/windows/waybills.py" line="230" />
        <source>保存面单</source>
        <translation>Save waybills</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="200" />
        <location filename="../../ui/windows/waybills.py" line="230" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="215" />
        <source>已发送到打印机</source>
        <translation>Sent to printer</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="219" />
        <source>原因：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="226" />
        <source>重打面单</source>
        <translation>Reprint waybill</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="245" />
        <source>作废后运单号不再使用，包裹需要重新打印面单。确定作废？</source>
        <translation>A voided tracking no. is never reused and the parcel needs a new waybill. Void it?</translation>
    </message>
    <message>
        <location filename="../../ui/windows/waybills.py" line="254" />
        <source>已作废：</source>
        <translation>Voided: </translation>
    </message>
</context>
</TS>