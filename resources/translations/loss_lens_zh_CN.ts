<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AnimationDialog</name>
        <message>
            <source>Export animation</source>
            <translation>导出动画</translation>
        </message>
        <message>
            <source>View to animate</source>
            <translation>要做成动画的视图</translation>
        </message>
        <message>
            <source>Logit a%1</source>
            <translation>Logit a%1</translation>
        </message>
        <message>
            <source>Target probability y%1</source>
            <translation>目标概率 y%1</translation>
        </message>
        <message>
            <source>Data x%1</source>
            <translation>数据 x%1</translation>
        </message>
        <message>
            <source>Data y%1</source>
            <translation>数据 y%1</translation>
        </message>
        <message>
            <source>Class weight w%1</source>
            <translation>类别权重 w%1</translation>
        </message>
        <message>
            <source>from</source>
            <translation>起点</translation>
        </message>
        <message>
            <source>to</source>
            <translation>终点</translation>
        </message>
        <message>
            <source>Surface range (%1)</source>
            <translation>曲面范围（%1）</translation>
        </message>
        <message>
            <source>Range of w (%1)</source>
            <translation>w 的范围（%1）</translation>
        </message>
        <message>
            <source>Range of b (%1)</source>
            <translation>b 的范围（%1）</translation>
        </message>
        <message>
            <source>Temperature T</source>
            <translation>温度 T</translation>
        </message>
        <message>
            <source>Label smoothing ε</source>
            <translation>标签平滑 ε</translation>
        </message>
        <message>
            <source>Weight w</source>
            <translation>权重 w</translation>
        </message>
        <message>
            <source>Bias b</source>
            <translation>偏置 b</translation>
        </message>
        <message>
            <source>Learning rate η</source>
            <translation>学习率 η</translation>
        </message>
        <message>
            <source>Huber δ</source>
            <translation>Huber δ</translation>
        </message>
        <message>
            <source>Smooth L1 β</source>
            <translation>Smooth L1 β</translation>
        </message>
        <message>
            <source>Binary: logit z</source>
            <translation>二分类：logit z</translation>
        </message>
        <message>
            <source>Binary: label y</source>
            <translation>二分类：标签 y</translation>
        </message>
        <message>
            <source>Binary: positive weight w₊</source>
            <translation>二分类：正类权重 w₊</translation>
        </message>
        <message>
            <source>Positive weight</source>
            <translation>正类权重</translation>
        </message>
        <message>
            <source>Focal γ</source>
            <translation>Focal γ</translation>
        </message>
        <message>
            <source>Focal α</source>
            <translation>Focal α</translation>
        </message>
        <message>
            <source>Hinge margin</source>
            <translation>Hinge 间隔</translation>
        </message>
        <message>
            <source>%1 (in a state file and for main.py animate: %2)</source>
            <translation>%1（状态文件及 main.py animate 中的名称：%2）</translation>
        </message>
        <message>
            <source>Number to vary</source>
            <translation>要变化的数值</translation>
        </message>
        <message>
            <source>The number that moves from the first value to the last</source>
            <translation>从起始值变到终止值的那个数</translation>
        </message>
        <message>
            <source>First value</source>
            <translation>起始值</translation>
        </message>
        <message>
            <source>Last value</source>
            <translation>结束值</translation>
        </message>
        <message>
            <source>Frames</source>
            <translation>帧数</translation>
        </message>
        <message>
            <source>Pictures from the first value to the last, both included</source>
            <translation>从起始值到结束值的画面数，两端都包含</translation>
        </message>
        <message>
            <source>Frames per second</source>
            <translation>每秒帧数</translation>
        </message>
        <message>
            <source>Lay out at</source>
            <translation>排版尺寸</translation>
        </message>
        <message>
            <source>Unchecked: the view's own size for a figure. Checked: each frame laid out at this width and height in pixels</source>
            <translation>不勾选：使用该视图自身的图片尺寸。勾选：每一帧按此宽度和高度（像素）排版</translation>
        </message>
        <message>
            <source>Width in pixels</source>
            <translation>宽度（像素）</translation>
        </message>
        <message>
            <source>Height in pixels</source>
            <translation>高度（像素）</translation>
        </message>
        <message>
            <source>File name</source>
            <translation>文件名</translation>
        </message>
        <message>
            <source>Ends in .gif or .mp4</source>
            <translation>以 .gif 或 .mp4 结尾</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Frames drawn</source>
            <translation>已绘制的帧</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>V&amp;ary</source>
            <translation>变化量(&amp;A)</translation>
        </message>
        <message>
            <source>Fro&amp;m → to</source>
            <translation>从 → 到(&amp;M)</translation>
        </message>
        <message>
            <source>F&amp;rames</source>
            <translation>帧数(&amp;R)</translation>
        </message>
        <message>
            <source>Frames per &amp;second</source>
            <translation>每秒帧数(&amp;S)</translation>
        </message>
        <message>
            <source>Si&amp;ze</source>
            <translation>尺寸(&amp;Z)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>Drawing the frames…</source>
            <translation>正在绘制各帧…</translation>
        </message>
        <message>
            <source>Cancelled: nothing was written.</source>
            <translation>已取消：没有写入任何文件。</translation>
        </message>
        <message>
            <source>Setting the axes…</source>
            <translation>正在确定坐标轴…</translation>
        </message>
        <message>
            <source>Frame %1 of %2</source>
            <translation>第 %1 帧，共 %2 帧</translation>
        </message>
        <message>
            <source>GIF animation (*.gif);;MP4 video (*.mp4)</source>
            <translation>GIF 动画 (*.gif);;MP4 视频 (*.mp4)</translation>
        </message>
    </context>
    <context>
        <name>BinaryPanel</name>
        <message>
            <source>Binary controls</source>
            <translation>二分类控件</translation>
        </message>
        <message>
            <source>Loss, w₊ = 1</source>
            <translation>损失，w₊ = 1</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <source>Size of the gradient</source>
            <translation>梯度的大小</translation>
        </message>
        <message>
            <source>One logit, one label</source>
            <translation>一个 logit，一个标签</translation>
        </message>
        <message>
            <source>&amp;z</source>
            <translation>&amp;z</translation>
        </message>
        <message>
            <source>Logit z</source>
            <translation>logit z</translation>
        </message>
        <message>
            <source>The logit z; σ(z) is the predicted probability of class 1. The slider covers ±45; type any value within ±1e4.</source>
            <translation>logit z；σ(z) 是预测为类别 1 的概率。滑块范围为 ±45；可输入 ±1e4 以内的任意值。</translation>
        </message>
        <message>
            <source>&amp;y</source>
            <translation>&amp;y</translation>
        </message>
        <message>
            <source>Label y</source>
            <translation>标签 y</translation>
        </message>
        <message>
            <source>The label: 0 or 1, or a soft label in between (the target probability of class 1).</source>
            <translation>标签：0 或 1，或介于两者之间的软标签（类别 1 的目标概率）。</translation>
        </message>
        <message>
            <source>w₊</source>
            <translation>w₊</translation>
        </message>
        <message>
            <source>Positive weight</source>
            <translation>正类权重</translation>
        </message>
        <message>
            <source>pos_weight of binary_cross_entropy_with_logits: the weight of the positive term w₊·y·log σ(z). The slider is logarithmic from 0.01 to 100; type any value from 0 to 1e4.</source>
            <translation>binary_cross_entropy_with_logits 的 pos_weight：正类项 w₊·y·log σ(z) 的权重。滑块为 0.01 到 100 的对数刻度；可输入 0 到 1e4 的任意值。</translation>
        </message>
        <message>
            <source>Loss and gradient</source>
            <translation>损失与梯度</translation>
        </message>
        <message>
            <source>Binary losses</source>
            <translation>二分类损失</translation>
        </message>
        <message>
            <source>∂L/∂z = (1 + (w₊ − 1)·y)·σ(z) − w₊·y, that is σ(z) − y when w₊ = 1</source>
            <translation>∂L/∂z = (1 + (w₊ − 1)·y)·σ(z) − w₊·y，当 w₊ = 1 时即 σ(z) − y</translation>
        </message>
        <message>
            <source>autograd.grad</source>
            <translation>autograd.grad</translation>
        </message>
        <message>
            <source>backward()/.grad</source>
            <translation>backward()/.grad</translation>
        </message>
        <message>
            <source>Largest disagreement</source>
            <translation>最大差异</translation>
        </message>
        <message>
            <source>%1 %2&lt;br&gt;%3 %4 &amp;nbsp; solid: %5, dashed: %6</source>
            <translation>%1 %2&lt;br&gt;%3 %4 &amp;nbsp; 实线：%5，虚线：%6</translation>
        </message>
        <message>
            <source>At this z, in both precisions (w₊ = 1)</source>
            <translation>在当前 z 处，两种精度下（w₊ = 1）</translation>
        </message>
        <message>
            <source>on σ(z): loss</source>
            <translation>基于 σ(z)：损失</translation>
        </message>
        <message>
            <source>with logits: loss</source>
            <translation>基于 logits：损失</translation>
        </message>
        <message>
            <source>Two-class softmax = sigmoid</source>
            <translation>两类 softmax = sigmoid</translation>
        </message>
        <message>
            <source>The two logits</source>
            <translation>两个 logit</translation>
        </message>
        <message>
            <source>p₁</source>
            <translation>p₁</translation>
        </message>
        <message>
            <source>gradient</source>
            <translation>梯度</translation>
        </message>
        <message>
            <source>softmax: %1</source>
            <translation>softmax：%1</translation>
        </message>
        <message>
            <source>sigmoid: %1</source>
            <translation>sigmoid：%1</translation>
        </message>
        <message>
            <source>Set z</source>
            <translation>设置 z</translation>
        </message>
        <message>
            <source>Set label y</source>
            <translation>设置标签 y</translation>
        </message>
        <message>
            <source>Set pos_weight</source>
            <translation>设置 pos_weight</translation>
        </message>
        <message>
            <source>&lt;b&gt;Binary cross-entropy&lt;/b&gt; — one logit z, p = σ(z) the probability of class 1, label y = %1</source>
            <translation>&lt;b&gt;二元交叉熵&lt;/b&gt; —— 一个 logit z，p = σ(z) 是类别 1 的概率，标签 y = %1</translation>
        </message>
        <message>
            <source>with logits, w₊ = %1: L = %2</source>
            <translation>基于 logits，w₊ = %1：L = %2</translation>
        </message>
        <message>
            <source>on σ(z) (no w₊): L = %1</source>
            <translation>基于 σ(z)（无 w₊）：L = %1</translation>
        </message>
        <message>
            <source>its ∂L/∂z by autograd: %1</source>
            <translation>autograd 求得的 ∂L/∂z：%1</translation>
        </message>
        <message>
            <source>largest disagreement: %1</source>
            <translation>最大差异：%1</translation>
        </message>
        <message>
            <source>a₀ = %1, a₁ = %2 (the classifier's first two logits), d = a₁ − a₀ = %3</source>
            <translation>a₀ = %1，a₁ = %2（分类器的前两个 logit），d = a₁ − a₀ = %3</translation>
        </message>
        <message>
            <source>In %1, σ(z) rounds to exactly %2: log(%3) = −∞, which torch clamps at −100, so binary_cross_entropy on σ(z) sticks at %4 with gradient %5, while the with-logits form stays exact: %6, gradient %7. Use binary_cross_entropy_with_logits (or %8).</source>
            <translation>在 %1 中，σ(z) 恰好舍入为 %2：log(%3) = −∞，torch 将其截断为 −100，因此基于 σ(z) 的 binary_cross_entropy 停在 %4，梯度为 %5；而基于 logits 的形式仍然精确：%6，梯度 %7。请使用 binary_cross_entropy_with_logits（或 %8）。</translation>
        </message>
        <message>
            <source>σ(z) is within 10⁻¹² of 0 or 1: torch's backward of binary_cross_entropy divides by p(1 − p) clamped at 10⁻¹², so its gradient %1 has lost its size; with logits it is %2.</source>
            <translation>σ(z) 与 0 或 1 的差在 10⁻¹² 以内：torch 对 binary_cross_entropy 的反向传播要除以截断到 10⁻¹² 的 p(1 − p)，所以它的梯度 %1 已失去应有的大小；基于 logits 的梯度是 %2。</translation>
        </message>
        <message>
            <source>Here both forms agree in both precisions. With label 0, σ(z) rounds to 1 from z ≈ %1 in %2 and z ≈ %3 in %4: past that, binary_cross_entropy on σ(z) sticks at 100 with gradient 0, while the with-logits form stays exact (loss ≈ z, gradient 1).</source>
            <translation>这里两种形式在两种精度下都一致。标签为 0 时，σ(z) 在 %2 中从 z ≈ %1 起、在 %4 中从 z ≈ %3 起舍入为 1：超过这里，基于 σ(z) 的 binary_cross_entropy 停在 100，梯度为 0，而基于 logits 的形式仍然精确（损失 ≈ z，梯度 1）。</translation>
        </message>
    </context>
    <context>
        <name>CodeBlock</name>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Copy %1</source>
            <translation>复制 %1</translation>
        </message>
        <message>
            <source>Copy this code to the clipboard</source>
            <translation>将这段代码复制到剪贴板</translation>
        </message>
        <message>
            <source>Runnable Python; select text or use Copy</source>
            <translation>可直接运行的 Python 代码；可选中文本或点“复制”</translation>
        </message>
        <message>
            <source>Copied to the clipboard</source>
            <translation>已复制到剪贴板</translation>
        </message>
    </context>
    <context>
        <name>CodeComments</name>
        <message>
            <source>no requires_grad</source>
            <translation>没有 requires_grad</translation>
        </message>
        <message>
            <source>fails</source>
            <translation>出错</translation>
        </message>
        <message>
            <source>too late: the loss was built without it</source>
            <translation>太晚了：loss 构建时它还没有 requires_grad</translation>
        </message>
        <message>
            <source>first ...</source>
            <translation>先设置……</translation>
        </message>
        <message>
            <source>... then build the loss</source>
            <translation>……再构建 loss</translation>
        </message>
        <message>
            <source>frees the graph's buffers</source>
            <translation>释放计算图的缓存</translation>
        </message>
        <message>
            <source>fails: the graph is gone</source>
            <translation>出错：计算图已被释放</translation>
        </message>
        <message>
            <source>keep it</source>
            <translation>保留计算图</translation>
        </message>
        <message>
            <source>the last call may free it</source>
            <translation>最后一次调用可以释放它</translation>
        </message>
        <message>
            <source>rows 0 and 1 of the Jacobian: p_i (δ_ij - p_j) / T</source>
            <translation>雅可比矩阵的第 0、1 行：p_i (δ_ij - p_j) / T</translation>
        </message>
        <message>
            <source>fails: p is a vector</source>
            <translation>出错：p 是向量</translation>
        </message>
        <message>
            <source>one p_i</source>
            <translation>一个 p_i</translation>
        </message>
        <message>
            <source>or weight the outputs yourself: e0ᵀ J is row 0 again</source>
            <translation>或者自己给输出加权：e0ᵀ J 也是第 0 行</translation>
        </message>
        <message>
            <source>F.mse_loss(y, x * w) is the note's line, kept as the note wrote it; MSE is
symmetric, so F.mse_loss(x * w, y), as Two ways writes it, is the same loss</source>
            <translation>F.mse_loss(y, x * w) 是笔记原文的写法，照原样保留；MSE 是
对称的，所以“两种方法”里的 F.mse_loss(x * w, y) 是同一个损失</translation>
        </message>
        <message>
            <source>Way 1: autograd.grad returns a tuple, one gradient per input</source>
            <translation>方法 1：autograd.grad 返回一个元组，每个输入一个梯度</translation>
        </message>
        <message>
            <source>Way 2: backward() stores each gradient in the leaf's .grad</source>
            <translation>方法 2：backward() 把每个梯度存入叶子张量的 .grad</translation>
        </message>
        <message>
            <source>a second forward + backward WITHOUT zeroing: .grad adds up</source>
            <translation>第二次前向 + 反向传播，且不清零：.grad 会累加</translation>
        </message>
        <message>
            <source>zero first (optimizer.zero_grad() does this; w.grad = None works too)</source>
            <translation>先清零（optimizer.zero_grad() 就是做这个；w.grad = None 也行）</translation>
        </message>
    </context>
    <context>
        <name>CodeScript</name>
        <message>
            <source>the settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>1. softmax</source>
            <translation>1. softmax</translation>
        </message>
        <message>
            <source>2. the target</source>
            <translation>2. 目标</translation>
        </message>
        <message>
            <source>3. the two losses</source>
            <translation>3. 两种损失</translation>
        </message>
        <message>
            <source>4. gradients</source>
            <translation>4. 梯度</translation>
        </message>
        <message>
            <source>5. the Jacobian</source>
            <translation>5. 雅可比矩阵</translation>
        </message>
        <message>
            <source>the numbers</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>Loss Lens, as a plain PyTorch script.

Generated from the app's current settings. It recomputes, with torch in float64, every
number the app shows: softmax, cross-entropy, MSE, their gradients with respect to the
logits, the softmax Jacobian, the classifier loss you chose with its gradient (by
autograd and in closed form), and the regression example (the note's MSE example).
Run it with `python &lt;this file&gt;`; change a number and run it again.</source>
            <translation>Loss Lens，纯 PyTorch 脚本版。

由应用的当前设置生成。它用 torch 以 float64 重新计算应用显示的每一个
数值：softmax、交叉熵、MSE、它们对 logits 的梯度、softmax 的雅可比矩阵、
你选择的分类器损失及其梯度（由 autograd 和闭式解求得），以及回归示例
（笔记中的 MSE 示例）。
用 `python &lt;此文件&gt;` 运行；改一个数，再运行一次。</translation>
        </message>
        <message>
            <source>6. regression</source>
            <translation>6. 回归</translation>
        </message>
        <message>
            <source>the regression's own reduction</source>
            <translation>回归自己的归约方式</translation>
        </message>
        <message>
            <source>a: the raw scores (logits), one per class</source>
            <translation>a：原始分数（logits），每类一个</translation>
        </message>
        <message>
            <source>temperature: the softmax sees a / T</source>
            <translation>温度：softmax 看到的是 a / T</translation>
        </message>
        <message>
            <source>label smoothing ε</source>
            <translation>标签平滑 ε</translation>
        </message>
        <message>
            <source>how MSE combines its squared errors: 'mean' (÷ count) or 'sum'</source>
            <translation>MSE 如何合并各平方误差：'mean'（÷ 个数）或 'sum'</translation>
        </message>
        <message>
            <source>the true class, as an index</source>
            <translation>真实类别，以下标表示</translation>
        </message>
        <message>
            <source>y: the one-hot vector of the true class</source>
            <translation>y：真实类别的 one-hot 向量</translation>
        </message>
        <message>
            <source>F.cross_entropy takes a class index as a LongTensor, one per row of the batch</source>
            <translation>F.cross_entropy 接受 LongTensor 形式的类别下标，批中每行一个</translation>
        </message>
        <message>
            <source>the target as probabilities (they sum to 1)</source>
            <translation>以概率表示的目标（总和为 1）</translation>
        </message>
        <message>
            <source>F.cross_entropy also takes a row of probabilities per row of the batch</source>
            <translation>F.cross_entropy 也接受概率形式的目标，批中每行一行概率</translation>
        </message>
        <message>
            <source>the data points (x, y)</source>
            <translation>数据点 (x, y)</translation>
        </message>
        <message>
            <source>float64 everywhere, so the numbers match the app's to the last digit.
requires_grad=True BEFORE anything is computed from a: autograd records only from then on.</source>
            <translation>全程使用 float64，数值与应用中的逐位一致。
先设 requires_grad=True，再用 a 计算任何东西：autograd 只从那时起记录。</translation>
        </message>
        <message>
            <source>p_i = e^(z_i) / Σ_j e^(z_j): each in (0, 1), summing to 1 (torch subtracts the max, so
even logits of ±1000 give no NaN)</source>
            <translation>p_i = e^(z_i) / Σ_j e^(z_j)：每个都在 (0, 1) 内，总和为 1（torch 先减去最大值，
所以即使 logits 为 ±1000 也不会出现 NaN）</translation>
        </message>
        <message>
            <source>label smoothing moves ε of the target's mass evenly onto all N classes</source>
            <translation>标签平滑把目标的 ε 份额平均分给全部 N 个类别</translation>
        </message>
        <message>
            <source>cross-entropy = -Σ y_eff·log p. F.cross_entropy wants the logits (not p) as a batch
of rows, z[None], and applies a numerically stable log-softmax itself.</source>
            <translation>交叉熵 = -Σ y_eff·log p。F.cross_entropy 要的是 logits（不是 p），
以批的行形式 z[None] 传入，它自己做数值稳定的 log-softmax。</translation>
        </message>
        <message>
            <source>MSE between the probabilities and the (smoothed) target</source>
            <translation>概率与（平滑后的）目标之间的 MSE</translation>
        </message>
        <message>
            <source>torch.autograd.grad(output, [inputs]) returns a tuple: one gradient per input.
retain_graph=True keeps the graph, because we take more gradients from it below.</source>
            <translation>torch.autograd.grad(output, [inputs]) 返回一个元组：每个输入一个梯度。
retain_graph=True 保留计算图，因为下面还要从它求更多梯度。</translation>
        </message>
        <message>
            <source>For cross-entropy the gradient is simply (p - y_eff) / T: check it.</source>
            <translation>交叉熵的梯度就是 (p - y_eff) / T：验证一下。</translation>
        </message>
        <message>
            <source>Row i is the gradient of ONE output p_i with respect to all logits. autograd.grad needs
a scalar output, so we go row by row, keeping the graph for the next row.</source>
            <translation>第 i 行是单个输出 p_i 对全部 logits 的梯度。autograd.grad 需要标量输出，
所以逐行计算，并为下一行保留计算图。</translation>
        </message>
        <message>
            <source>Closed form: ∂p_i/∂a_j = p_i (δ_ij - p_j) / T, i.e. (diag(p) - p pᵀ) / T</source>
            <translation>闭式解：∂p_i/∂a_j = p_i (δ_ij - p_j) / T，即 (diag(p) - p pᵀ) / T</translation>
        </message>
        <message>
            <source>the line's predictions</source>
            <translation>直线的预测值</translation>
        </message>
        <message>
            <source>The last line: every number as one JSON object, for other programs to read.</source>
            <translation>最后一行：全部数值组成的一个 JSON 对象，供其他程序读取。</translation>
        </message>
        <message>
            <source>7. the loss you chose</source>
            <translation>7. 你选择的损失</translation>
        </message>
        <message>
            <source>the classifier loss chosen in the app</source>
            <translation>应用中选择的分类器损失</translation>
        </message>
        <message>
            <source>one weight per class (None: every class weighs 1)</source>
            <translation>每个类别一个权重（None：每个类别的权重均为 1）</translation>
        </message>
        <message>
            <source>its gradient by autograd</source>
            <translation>由 autograd 求得的梯度</translation>
        </message>
        <message>
            <source>torch's own cross-entropy on the same z = a / T. With class weights and a class index
the mean over a batch of one divides by the target class's weight.</source>
            <translation>torch 自带的交叉熵，作用于同一个 z = a / T。有类别权重且目标为类别索引时，
对只有一行的批取平均会除以目标类别的权重。</translation>
        </message>
        <message>
            <source>MSE between softmax(z) and y_eff, as in section 3</source>
            <translation>softmax(z) 与 y_eff 之间的 MSE，与第 3 节相同</translation>
        </message>
        <message>
            <source>CE = NLL ∘ log_softmax: F.nll_loss takes log-probabilities and a class index
(no label smoothing, no probabilities)</source>
            <translation>CE = NLL ∘ log_softmax：F.nll_loss 接受对数概率和类别索引
（不支持标签平滑，也不接受概率）</translation>
        </message>
        <message>
            <source>KL(y_eff ‖ p) = CE - H(y_eff). F.kl_div takes log-probabilities and the target's
probabilities; 'batchmean' of one row is the sum over the classes.</source>
            <translation>KL(y_eff ‖ p) = CE - H(y_eff)。F.kl_div 接受对数概率和目标的
概率；对只有一行的数据，'batchmean' 就是对各类别求和。</translation>
        </message>
        <message>
            <source>each class an independent yes/no against y_eff_i, computed from log σ(z) directly,
so it stays exact where σ(z) rounds to 0 or 1</source>
            <translation>每个类别都是针对 y_eff_i 的独立是/否判断，直接由 log σ(z) 计算，
所以在 σ(z) 舍入为 0 或 1 时仍然精确</translation>
        </message>
        <message>
            <source>the same on the probabilities σ(z): torch clamps each log at -100, so it saturates</source>
            <translation>同样的损失，但基于概率 σ(z)：torch 把每个 log 截断在 -100，因此会饱和</translation>
        </message>
        <message>
            <source>torchvision.ops.sigmoid_focal_loss (reduction 'mean'), written out line for line.
gamma = 0 with alpha &lt; 0 is BCE with logits.</source>
            <translation>torchvision.ops.sigmoid_focal_loss（reduction 'mean'），逐行展开写出。
gamma = 0 且 alpha &lt; 0 时就是基于 logits 的 BCE。</translation>
        </message>
        <message>
            <source>the multi-class hinge: zero, with zero gradient, once z[target] beats every other z_i
by the margin</source>
            <translation>多类 hinge：一旦 z[target] 比其他每个 z_i 都大出 margin，
损失就为零，梯度也为零</translation>
        </message>
        <message>
            <source>Closed form: ((Σ v)·softmax(z) - v) / T, v the weight each log p_c is taken with
(without class weights v = y_eff, and it is (p - y_eff) / T)</source>
            <translation>闭式解：((Σ v)·softmax(z) - v) / T，v 为每个 log p_c 所乘的权重
（无类别权重时 v = y_eff，结果为 (p - y_eff) / T）</translation>
        </message>
        <message>
            <source>Closed form through the softmax Jacobian, Jᵀg with g = ∂L/∂p, without forming J</source>
            <translation>经由 softmax 雅可比矩阵的闭式解：Jᵀg，其中 g = ∂L/∂p，无需构造 J</translation>
        </message>
        <message>
            <source>Closed form: (p - onehot(target)) / T</source>
            <translation>闭式解：(p - onehot(target)) / T</translation>
        </message>
        <message>
            <source>Closed form: cross-entropy's, since H(y_eff) does not depend on a</source>
            <translation>闭式解：与交叉熵的相同，因为 H(y_eff) 与 a 无关</translation>
        </message>
        <message>
            <source>Closed form: ((1 - y) σ(z) - pos_weight·y·σ(-z)) / (N·T), with σ(-z) for 1 - σ(z):
exact where σ(z) rounds to 1</source>
            <translation>闭式解：((1 - y) σ(z) - pos_weight·y·σ(-z)) / (N·T)，用 σ(-z) 代替 1 - σ(z)：
在 σ(z) 舍入为 1 时仍然精确</translation>
        </message>
        <message>
            <source>Closed form: (σ(z) - y_eff) / (N·T). torch's backward departs from it for |z| ≳ 27.6.</source>
            <translation>闭式解：(σ(z) - y_eff) / (N·T)。|z| ≳ 27.6 时 torch 的反向传播会偏离它。</translation>
        </message>
        <message>
            <source>Closed form: α_t [(p - y) q^γ - γ·BCE·q^(γ-1)·p(1 - p)(2y - 1)] / (N·T) with q = 1 - p_t,
in logs so it stays finite where p rounds to 0 or 1</source>
            <translation>闭式解：α_t [(p - y) q^γ - γ·BCE·q^(γ-1)·p(1 - p)(2y - 1)] / (N·T)，其中 q = 1 - p_t，
在对数域中计算，因此 p 舍入为 0 或 1 时仍是有限值</translation>
        </message>
        <message>
            <source>Closed form: hinge_p·h^(hinge_p-1) / N for each i ≠ target with h = margin - z[target] + z_i
&gt; 0 (torch takes 0 at h = 0), minus their sum at the target; then ÷ T</source>
            <translation>闭式解：对每个 i ≠ target，若 h = margin - z[target] + z_i &gt; 0，
则为 hinge_p·h^(hinge_p-1) / N（h = 0 时 torch 取 0），目标处为它们之和的相反数；最后 ÷ T</translation>
        </message>
    </context>
    <context>
        <name>CodeTab</name>
        <message>
            <source>This script computes, with plain PyTorch, every number the other tabs show for the current state: run it with &lt;tt&gt;python script.py&lt;/tt&gt;; its last line is the numbers as JSON.</source>
            <translation>此脚本用纯 PyTorch 计算出其他标签页针对当前状态显示的每一个数值：用 &lt;tt&gt;python script.py&lt;/tt&gt; 运行；最后一行以 JSON 形式输出这些数值。</translation>
        </message>
        <message>
            <source>Generated PyTorch script</source>
            <translation>生成的 PyTorch 脚本</translation>
        </message>
    </context>
    <context>
        <name>DataPlot</name>
        <message>
            <source>&lt;b&gt;Data&lt;/b&gt; and ŷ = w·x + b: drag points, line, handles</source>
            <translation>&lt;b&gt;数据&lt;/b&gt;与 ŷ = w·x + b：可拖动点、直线和手柄</translation>
        </message>
        <message>
            <source>Data points, fitted line and residuals</source>
            <translation>数据点、拟合直线与残差</translation>
        </message>
        <message>
            <source>Line equation</source>
            <translation>直线方程</translation>
        </message>
        <message>
            <source>x</source>
            <translation>x</translation>
        </message>
        <message>
            <source>y</source>
            <translation>y</translation>
        </message>
        <message>
            <source>Drag the line to slide it (changes b)</source>
            <translation>拖动直线使其平移（改变 b）</translation>
        </message>
        <message>
            <source>Drag a handle up or down to turn the line about the other handle (changes w and b)</source>
            <translation>上下拖动一个手柄，使直线绕另一个手柄转动（改变 w 和 b）</translation>
        </message>
        <message>
            <source>ŷ = %1·x + %2 (%3)
residuals ŷ − y dashed orange</source>
            <translation>ŷ = %1·x + %2（%3）
残差 ŷ − y 以橙色虚线表示</translation>
        </message>
        <message>
            <source>1 point</source>
            <translation>1 个点</translation>
        </message>
        <message>
            <source>%1 points</source>
            <translation>%1 个点</translation>
        </message>
    </context>
    <context>
        <name>FileActions</name>
        <message>
            <source>&amp;Open state…</source>
            <translation>打开状态(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a saved state (.json)</source>
            <translation>打开已保存的状态（.json）</translation>
        </message>
        <message>
            <source>&amp;Save state…</source>
            <translation>保存状态(&amp;S)…</translation>
        </message>
        <message>
            <source>Save the current state as JSON</source>
            <translation>将当前状态保存为 JSON</translation>
        </message>
        <message>
            <source>&amp;Export figure…</source>
            <translation>导出图(&amp;E)…</translation>
        </message>
        <message>
            <source>Export figure</source>
            <translation>导出图</translation>
        </message>
        <message>
            <source>Export &amp;animation…</source>
            <translation>导出动画(&amp;A)…</translation>
        </message>
        <message>
            <source>A GIF or MP4 of a view while one number moves</source>
            <translation>一个数变化时某个视图的 GIF 或 MP4</translation>
        </message>
        <message>
            <source>&amp;Copy image</source>
            <translation>复制图片(&amp;C)</translation>
        </message>
        <message>
            <source>Copy a picture of the window to the clipboard</source>
            <translation>将窗口图片复制到剪贴板</translation>
        </message>
        <message>
            <source>Export numbers as &amp;JSON…</source>
            <translation>将数值导出为 JSON(&amp;J)…</translation>
        </message>
        <message>
            <source>Every number of the current result, as JSON</source>
            <translation>当前结果的全部数值，JSON 格式</translation>
        </message>
        <message>
            <source>Export numbers as CS&amp;V…</source>
            <translation>将数值导出为 CSV(&amp;V)…</translation>
        </message>
        <message>
            <source>Probabilities, gradients and the Jacobian, one row per class</source>
            <translation>概率、梯度和雅可比矩阵，每个类别一行</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Presets</source>
            <translation>预设(&amp;P)</translation>
        </message>
        <message>
            <source>Could not open the state</source>
            <translation>无法打开状态</translation>
        </message>
        <message>
            <source>Open %1</source>
            <translation>打开 %1</translation>
        </message>
        <message>
            <source>Opened %1</source>
            <translation>已打开 %1</translation>
        </message>
        <message>
            <source>Save state</source>
            <translation>保存状态</translation>
        </message>
        <message>
            <source>Could not save the state</source>
            <translation>无法保存状态</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <source>Could not load the preset</source>
            <translation>无法加载预设</translation>
        </message>
        <message>
            <source>Preset %1</source>
            <translation>预设 %1</translation>
        </message>
        <message>
            <source>the window</source>
            <translation>窗口</translation>
        </message>
        <message>
            <source>“%1”</source>
            <translation>“%1”</translation>
        </message>
        <message>
            <source>Copied a picture of %1 (%2 × %3 pixels)</source>
            <translation>已复制%1的图片（%2 × %3 像素）</translation>
        </message>
        <message>
            <source>Could not export the figure</source>
            <translation>无法导出图</translation>
        </message>
        <message>
            <source>Wrote %1</source>
            <translation>已写入 %1</translation>
        </message>
        <message>
            <source>Save the window or one view as PNG, SVG or PDF</source>
            <translation>把整个窗口或一个视图保存为 PNG、SVG 或 PDF</translation>
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation>JSON 文件 (*.json)</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>CSV 表格 (*.csv)</translation>
        </message>
        <message>
            <source>Export numbers</source>
            <translation>导出数值</translation>
        </message>
        <message>
            <source>Could not export the numbers</source>
            <translation>无法导出数值</translation>
        </message>
    </context>
    <context>
        <name>FloatControl</name>
        <message>
            <source>slider</source>
            <translation>滑块</translation>
        </message>
        <message>
            <source>value</source>
            <translation>数值</translation>
        </message>
    </context>
    <context>
        <name>Form</name>
        <message>
            <source>Link Axis:</source>
            <translation>关联坐标轴：</translation>
        </message>
        <message>
            <source>Auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>Manual</source>
            <translation>手动</translation>
        </message>
        <message>
            <source>Invert Axis</source>
            <translation>反转坐标轴</translation>
        </message>
        <message>
            <source>Mouse Enabled</source>
            <translation>启用鼠标</translation>
        </message>
        <message>
            <source>Visible Data Only</source>
            <translation>仅可见数据</translation>
        </message>
        <message>
            <source>Auto Pan Only</source>
            <translation>仅自动平移</translation>
        </message>
        <message>
            <source>Average</source>
            <translation>平均</translation>
        </message>
        <message>
            <source>Clip to View</source>
            <translation>裁剪到视图</translation>
        </message>
        <message>
            <source>Max Traces:</source>
            <translation>最多曲线数：</translation>
        </message>
        <message>
            <source>Downsample</source>
            <translation>降采样</translation>
        </message>
        <message>
            <source>Peak</source>
            <translation>峰值</translation>
        </message>
        <message>
            <source>Forget hidden traces</source>
            <translation>丢弃隐藏的曲线</translation>
        </message>
        <message>
            <source>Mean</source>
            <translation>均值</translation>
        </message>
        <message>
            <source>Subsample</source>
            <translation>抽样</translation>
        </message>
        <message>
            <source>Log X</source>
            <translation>对数 X</translation>
        </message>
        <message>
            <source>Log Y</source>
            <translation>对数 Y</translation>
        </message>
        <message>
            <source>Power Spectrum (FFT)</source>
            <translation>功率谱 (FFT)</translation>
        </message>
        <message>
            <source>Subtract Mean</source>
            <translation>减去均值</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>数据点</translation>
        </message>
        <message>
            <source>Show X Grid</source>
            <translation>显示 X 网格</translation>
        </message>
        <message>
            <source>Show Y Grid</source>
            <translation>显示 Y 网格</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <source>Alpha</source>
            <translation>透明度</translation>
        </message>
    </context>
    <context>
        <name>FormulasWindow</name>
        <message>
            <source>Formulas</source>
            <translation>公式</translation>
        </message>
        <message>
            <source>Softmax</source>
            <translation>Softmax</translation>
        </message>
        <message>
            <source>Softmax turns the logits a into probabilities p. The temperature T divides every logit before the exponential:</source>
            <translation>softmax 把 logit a 转换为概率 p。在取指数之前，每个 logit 都先除以温度 T：</translation>
        </message>
        <message>
            <source>Every p&lt;sub&gt;i&lt;/sub&gt; lies between 0 and 1, and together they sum to 1. A low T sharpens the distribution; a high T flattens it. The ratio of two probabilities depends only on the gap between their logits:</source>
            <translation>每个 p&lt;sub&gt;i&lt;/sub&gt; 都介于 0 和 1 之间，且总和为 1。T 越低，分布越尖锐；T 越高，分布越平坦。两个概率之比只取决于它们的 logit 之差：</translation>
        </message>
        <message>
            <source>For a = [2, 1, 0.1] and T = 1, p = [0.659, 0.242, 0.099] and p&lt;sub&gt;0&lt;/sub&gt;/p&lt;sub&gt;1&lt;/sub&gt; = e ≈ 2.718, whatever the third logit is.</source>
            <translation>当 a = [2, 1, 0.1]、T = 1 时，p = [0.659, 0.242, 0.099]，且无论第三个 logit 取何值，p&lt;sub&gt;0&lt;/sub&gt;/p&lt;sub&gt;1&lt;/sub&gt; = e ≈ 2.718。</translation>
        </message>
        <message>
            <source>The app computes softmax stably through log-softmax, so logits of ±1000 give no NaN.</source>
            <translation>本应用通过 log-softmax 以数值稳定的方式计算 softmax，因此即使 logit 为 ±1000 也不会出现 NaN。</translation>
        </message>
        <message>
            <source>The softmax Jacobian</source>
            <translation>softmax 的雅可比矩阵</translation>
        </message>
        <message>
            <source>How each probability p&lt;sub&gt;i&lt;/sub&gt; moves when one logit a&lt;sub&gt;j&lt;/sub&gt; moves:</source>
            <translation>当某个 logit a&lt;sub&gt;j&lt;/sub&gt; 变化时，每个概率 p&lt;sub&gt;i&lt;/sub&gt; 如何随之变化：</translation>
        </message>
        <message>
            <source>δ&lt;sub&gt;ij&lt;/sub&gt; is 1 when i = j and 0 otherwise.</source>
            <translation>当 i = j 时 δ&lt;sub&gt;ij&lt;/sub&gt; 为 1，否则为 0。</translation>
        </message>
        <message>
            <source>On the diagonal the entry is p&lt;sub&gt;i&lt;/sub&gt;(1 − p&lt;sub&gt;i&lt;/sub&gt;)/T, which is positive; off the diagonal it is −p&lt;sub&gt;i&lt;/sub&gt;p&lt;sub&gt;j&lt;/sub&gt;/T, which is negative. The matrix is symmetric, and every row and every column sums to 0.</source>
            <translation>对角线元素为 p&lt;sub&gt;i&lt;/sub&gt;(1 − p&lt;sub&gt;i&lt;/sub&gt;)/T，为正；非对角线元素为 −p&lt;sub&gt;i&lt;/sub&gt;p&lt;sub&gt;j&lt;/sub&gt;/T，为负。该矩阵是对称矩阵，且每行、每列之和均为 0。</translation>
        </message>
        <message>
            <source>Row i is the gradient of one probability with respect to all the logits: torch.autograd.grad(p[i], a, retain_graph=True) returns it.</source>
            <translation>第 i 行是某一个概率对所有 logit 的梯度：torch.autograd.grad(p[i], a, retain_graph=True) 返回的正是这一行。</translation>
        </message>
        <message>
            <source>Cross-entropy and its gradient</source>
            <translation>交叉熵及其梯度</translation>
        </message>
        <message>
            <source>The target y is one-hot for a class c, or the probabilities you set. Label smoothing ε spreads a share ε of it evenly over all N classes:</source>
            <translation>目标 y 可以是类别 c 的 one-hot 向量，也可以是你设置的概率。标签平滑 ε 将其中 ε 的份额均匀分配到全部 N 个类别上：</translation>
        </message>
        <message>
            <source>log is the natural logarithm. With a one-hot target and ε = 0, CE = −log p&lt;sub&gt;c&lt;/sub&gt;.</source>
            <translation>log 为自然对数。当目标为 one-hot 且 ε = 0 时，CE = −log p&lt;sub&gt;c&lt;/sub&gt;。</translation>
        </message>
        <message>
            <source>For a = [2, 1, 0.1], T = 1 and class 0, CE = 0.417030 and ∂CE/∂a = [−0.340999, 0.242433, 0.098566].</source>
            <translation>当 a = [2, 1, 0.1]、T = 1、类别为 0 时，CE = 0.417030，∂CE/∂a = [−0.340999, 0.242433, 0.098566]。</translation>
        </message>
        <message>
            <source>The Gradients view computes this gradient three independent ways: torch.autograd.grad, backward() then .grad, and this closed form.</source>
            <translation>“梯度与校验”视图用三种独立方法计算这一梯度：torch.autograd.grad、先 backward() 再读取 .grad，以及这里的闭式解。</translation>
        </message>
        <message>
            <source>MSE on the probabilities and its gradient</source>
            <translation>基于概率的 MSE 及其梯度</translation>
        </message>
        <message>
            <source>MSE compares the probabilities with the smoothed target. With reduction 'mean' it divides by the number of classes N:</source>
            <translation>MSE 将概率与平滑后的目标进行比较。归约方式为“平均”时，它要除以类别数 N：</translation>
        </message>
        <message>
            <source>Its gradient reaches the logits only through the softmax Jacobian:</source>
            <translation>它的梯度只能经由 softmax 的雅可比矩阵传到 logit：</translation>
        </message>
        <message>
            <source>With reduction 'sum', the note's convention, drop the 1/N from the loss and from g.</source>
            <translation>若归约方式为“求和”（笔记采用的约定），则从损失和 g 中去掉 1/N。</translation>
        </message>
        <message>
            <source>For a = [2, 1, 0.1], T = 1, class 0 and reduction 'mean', MSE = 0.061590 and ∂MSE/∂a = [−0.081175, 0.064433, 0.016743].</source>
            <translation>当 a = [2, 1, 0.1]、T = 1、类别为 0、归约方式为“平均”时，MSE = 0.061590，∂MSE/∂a = [−0.081175, 0.064433, 0.016743]。</translation>
        </message>
        <message>
            <source>Why classifiers use cross-entropy</source>
            <translation>为什么分类器使用交叉熵</translation>
        </message>
        <message>
            <source>Take a one-hot target c and ε = 0. On the true class's logit the two gradients are:</source>
            <translation>取 one-hot 目标 c，且 ε = 0。对于真实类别的 logit，两个梯度分别为：</translation>
        </message>
        <message>
            <source>When the model is confidently wrong, p&lt;sub&gt;c&lt;/sub&gt; is close to 0. Cross-entropy's gradient then stays near its largest size, 1/T, so learning goes on. MSE's gradient carries the factor p&lt;sub&gt;c&lt;/sub&gt; from the Jacobian and vanishes, so learning stalls.</source>
            <translation>当模型错得很自信时，p&lt;sub&gt;c&lt;/sub&gt; 接近 0。此时交叉熵的梯度仍接近其最大值 1/T，因此学习得以继续。而 MSE 的梯度带有来自雅可比矩阵的因子 p&lt;sub&gt;c&lt;/sub&gt;，会趋于消失，因此学习停滞。</translation>
        </message>
        <message>
            <source>The loss surface</source>
            <translation>损失曲面</translation>
        </message>
        <message>
            <source>The surface view draws the loss shown (CE or MSE) as a function L(a&lt;sub&gt;i&lt;/sub&gt;, a&lt;sub&gt;j&lt;/sub&gt;) of two logits while the other logits stay fixed. The arrow at the current point shows the direction of steepest descent:</source>
            <translation>曲面视图把当前显示的损失（CE 或 MSE）画成两个 logit 的函数 L(a&lt;sub&gt;i&lt;/sub&gt;, a&lt;sub&gt;j&lt;/sub&gt;)，其余 logit 保持不变。当前点处的箭头指示最速下降方向：</translation>
        </message>
        <message>
            <source>Its length grows with |∇L|, so where the gradient vanishes it shrinks to a dot.</source>
            <translation>箭头长度随 |∇L| 增大，因此在梯度消失处它会缩成一个点。</translation>
        </message>
        <message>
            <source>Cross-entropy is convex in the logits. MSE after softmax is not: it goes flat where the model is confidently wrong.</source>
            <translation>交叉熵关于 logit 是凸函数。softmax 之后的 MSE 则不是：在模型错得很自信的地方，它会变得平坦。</translation>
        </message>
        <message>
            <source>Regression with MSE</source>
            <translation>用 MSE 做回归</translation>
        </message>
        <message>
            <source>For a single point x with target y, the note's loss and its gradient are:</source>
            <translation>对于目标为 y 的单个点 x，笔记中的损失及其梯度为：</translation>
        </message>
        <message>
            <source>The note's example has x = 1, w = 2, b = 0 and y = 1: L = (2 − 1)² = 1 and ∂L/∂w = 2·1·(2 − 1) = 2.</source>
            <translation>笔记中的示例为 x = 1、w = 2、b = 0、y = 1：L = (2 − 1)² = 1，∂L/∂w = 2·1·(2 − 1) = 2。</translation>
        </message>
        <message>
            <source>The Regression tab fits the line ŷ = w·x + b to M points (x&lt;sub&gt;m&lt;/sub&gt;, y&lt;sub&gt;m&lt;/sub&gt;). With reduction 'mean':</source>
            <translation>“回归”标签页用直线 ŷ = w·x + b 拟合 M 个点 (x&lt;sub&gt;m&lt;/sub&gt;, y&lt;sub&gt;m&lt;/sub&gt;)。归约方式为“平均”时：</translation>
        </message>
        <message>
            <source>With reduction 'sum', drop the 1/M. Gradient descent moves (w, b) against the gradient, with the learning rate η:</source>
            <translation>若归约方式为“求和”，则去掉 1/M。梯度下降以学习率 η 使 (w, b) 沿梯度的反方向移动：</translation>
        </message>
        <message>
            <source>Binary cross-entropy</source>
            <translation>二元交叉熵</translation>
        </message>
        <message>
            <source>One logit z gives the probability of class 1 through the sigmoid; the label y is 0 or 1, or a soft label between:</source>
            <translation>一个 logit z 经过 sigmoid 给出类别 1 的概率；标签 y 为 0 或 1，或介于两者之间的软标签：</translation>
        </message>
        <message>
            <source>w&lt;sub&gt;+&lt;/sub&gt; is pos_weight, the weight of the positive term; with w&lt;sub&gt;+&lt;/sub&gt; = 1 the gradient is σ(z) − y.</source>
            <translation>w&lt;sub&gt;+&lt;/sub&gt; 即 pos_weight，正类项的权重；w&lt;sub&gt;+&lt;/sub&gt; = 1 时梯度为 σ(z) − y。</translation>
        </message>
        <message>
            <source>Two classes are the same thing: for logits (a&lt;sub&gt;0&lt;/sub&gt;, a&lt;sub&gt;1&lt;/sub&gt;), softmax gives class 1 the probability σ(a&lt;sub&gt;1&lt;/sub&gt; − a&lt;sub&gt;0&lt;/sub&gt;), and the cross-entropy of class 1 equals the binary loss of d = a&lt;sub&gt;1&lt;/sub&gt; − a&lt;sub&gt;0&lt;/sub&gt;:</source>
            <translation>两个类别时二者是一回事：对 logit (a&lt;sub&gt;0&lt;/sub&gt;, a&lt;sub&gt;1&lt;/sub&gt;)，softmax 给类别 1 的概率是 σ(a&lt;sub&gt;1&lt;/sub&gt; − a&lt;sub&gt;0&lt;/sub&gt;)，类别 1 的交叉熵等于 d = a&lt;sub&gt;1&lt;/sub&gt; − a&lt;sub&gt;0&lt;/sub&gt; 的二元损失：</translation>
        </message>
        <message>
            <source>binary_cross_entropy_with_logits computes L from z itself and stays exact. binary_cross_entropy takes σ(z): once σ(z) rounds to 1 (z ≈ 37 in float64, 17 in float32), log(1 − σ) is −∞, torch clamps it at −100, and with y = 0 the loss sticks at 100 with gradient 0.</source>
            <translation>binary_cross_entropy_with_logits 直接由 z 计算 L，始终精确。binary_cross_entropy 接收 σ(z)：一旦 σ(z) 舍入为 1（float64 中 z ≈ 37，float32 中 z ≈ 17），log(1 − σ) 为 −∞，torch 将其截断为 −100，y = 0 时损失停在 100，梯度为 0。</translation>
        </message>
        <message>
            <source>Two ways to get a gradient in PyTorch</source>
            <translation>在 PyTorch 中求梯度的两种方法</translation>
        </message>
        <message>
            <source>Both ways start from leaves created with requires_grad=True and a loss computed from them.</source>
            <translation>两种方法都从以 requires_grad=True 创建的叶子张量以及由它们计算出的损失开始。</translation>
        </message>
        <message>
            <source>Way 1, torch.autograd.grad, returns a tuple with one gradient per input and leaves .grad alone.</source>
            <translation>方法 1：torch.autograd.grad 返回一个元组，每个输入对应一个梯度，并且不改动 .grad。</translation>
        </message>
        <message>
            <source>Way 2, backward(), stores the gradients in .grad and adds them to what is already there: zero .grad (for example with optimizer.zero_grad()) before the next backward pass.</source>
            <translation>方法 2：backward() 把梯度存入 .grad，并累加到其中已有的值上：在下一次反向传播之前，要先将 .grad 清零（例如调用 optimizer.zero_grad()）。</translation>
        </message>
        <message>
            <source>Calling w.requires_grad_() after the loss was computed does not help, because the graph was built without it: compute the loss again. A second backward pass through the same graph needs retain_graph=True on the first.</source>
            <translation>在损失计算完之后才调用 w.requires_grad_() 并没有用，因为计算图在构建时并没有包含它：需要重新计算损失。若要对同一个计算图做第二次反向传播，第一次时就需要传入 retain_graph=True。</translation>
        </message>
        <message>
            <source>a are the logits, p = softmax(a/T) the probabilities, T the temperature, ε the label smoothing and N the number of classes. Every formula here is checked against torch autograd by the app.</source>
            <translation>a 为 logit，p = softmax(a/T) 为概率，T 为温度，ε 为标签平滑，N 为类别数。这里的每个公式都由本应用用 torch autograd 进行了验证。</translation>
        </message>
        <message>
            <source>Show in view: %1</source>
            <translation>在视图中显示：%1</translation>
        </message>
        <message>
            <source>The loss family</source>
            <translation>损失函数族</translation>
        </message>
        <message>
            <source>Besides cross-entropy and MSE, the app computes a family of classifier losses, and the views follow the one chosen. Each is computed by torch's own function, and its gradient four ways: autograd, backward(), the closed form given below, and finite differences.</source>
            <translation>除交叉熵和 MSE 之外，本应用还计算一族分类器损失，各视图随所选的损失而变。每个损失都由 torch 自带的函数计算，其梯度则用四种方法计算：autograd、backward()、下面给出的闭式解，以及有限差分。</translation>
        </message>
        <message>
            <source>Every classifier loss acts on the scaled logits z = a/T, so the chain rule divides its gradient by T:</source>
            <translation>每个分类器损失都作用于缩放后的 logit z = a/T，因此由链式法则，其梯度要除以 T：</translation>
        </message>
        <message>
            <source>y&lt;sub&gt;eff&lt;/sub&gt; is the smoothed target, one-hot for a class index when ε = 0, and N the number of classes. Where a loss has a kink (a corner, or a jump in its curvature) the derivative there is one-sided: torch takes one value, while finite differences average the two sides.</source>
            <translation>y&lt;sub&gt;eff&lt;/sub&gt; 是平滑后的目标，ε = 0 时对类别索引而言就是 one-hot 向量；N 为类别数。损失在折点（尖角，或曲率跳变处）上的导数是单侧的：torch 取其中一侧的值，而有限差分取两侧的平均。</translation>
        </message>
        <message>
            <source>one weight per class (none: every class weighs 1)</source>
            <translation>每个类别一个权重（不设时每个类别的权重均为 1）</translation>
        </message>
        <message>
            <source>Options: %1</source>
            <translation>选项：%1</translation>
        </message>
        <message>
            <source>Kinks: %1</source>
            <translation>折点：%1</translation>
        </message>
        <message>
            <source>Kinks: none, it is smooth everywhere.</source>
            <translation>折点：无，处处光滑。</translation>
        </message>
        <message>
            <source>Classifier loss: %1</source>
            <translation>分类器损失：%1</translation>
        </message>
        <message>
            <source>It takes a class index y, not probabilities.</source>
            <translation>它接受类别索引 y，而不是概率。</translation>
        </message>
        <message>
            <source>Its gradient with respect to the logits, in closed form:</source>
            <translation>它对 logit 的梯度的闭式解：</translation>
        </message>
        <message>
            <source>In PyTorch, with z = a/T:</source>
            <translation>在 PyTorch 中，取 z = a/T：</translation>
        </message>
        <message>
            <source>Identities in the loss family</source>
            <translation>损失函数族中的恒等关系</translation>
        </message>
        <message>
            <source>&lt;b&gt;Cross-entropy is NLL after log_softmax.&lt;/b&gt; log_softmax gives the log-probabilities, and NLL with a class index c picks the c-th and negates it:</source>
            <translation>&lt;b&gt;交叉熵就是 log_softmax 之后的 NLL。&lt;/b&gt;log_softmax 给出对数概率，带类别索引 c 的 NLL 取出其中第 c 个并取负：</translation>
        </message>
        <message>
            <source>So with a class index, ε = 0 and no class weights the two have the same value and the same gradient, (p − onehot(c))/T; F.cross_entropy does both steps in one call. For a = [2, 1, 0.1], T = 1 and class 0 both are 0.417030.</source>
            <translation>因此，在使用类别索引、ε = 0 且没有类别权重时，两者的值和梯度都相同，梯度为 (p − onehot(c))/T；F.cross_entropy 一次调用就完成这两步。当 a = [2, 1, 0.1]、T = 1、类别为 0 时，两者都是 0.417030。</translation>
        </message>
        <message>
            <source>&lt;b&gt;KL divergence is cross-entropy minus the target's entropy.&lt;/b&gt; Split the logarithm of the ratio:</source>
            <translation>&lt;b&gt;KL 散度等于交叉熵减去目标的熵。&lt;/b&gt;把比值的对数拆开：</translation>
        </message>
        <message>
            <source>H(y&lt;sub&gt;eff&lt;/sub&gt;) does not depend on the logits, so KL and cross-entropy differ by a constant and share the gradient (p − y&lt;sub&gt;eff&lt;/sub&gt;)/T. KL is 0 where p = y&lt;sub&gt;eff&lt;/sub&gt;; cross-entropy's lowest value there is H(y&lt;sub&gt;eff&lt;/sub&gt;), not 0. For a = [2, 1, 0.1], T = 1, class 0 and ε = 0.1: CE = 0.513697, H(y&lt;sub&gt;eff&lt;/sub&gt;) = 0.291140 and KL = 0.222557.</source>
            <translation>H(y&lt;sub&gt;eff&lt;/sub&gt;) 与 logit 无关，因此 KL 与交叉熵只相差一个常数，梯度同为 (p − y&lt;sub&gt;eff&lt;/sub&gt;)/T。在 p = y&lt;sub&gt;eff&lt;/sub&gt; 处 KL 为 0；而交叉熵在该处的最小值是 H(y&lt;sub&gt;eff&lt;/sub&gt;)，不是 0。当 a = [2, 1, 0.1]、T = 1、类别为 0、ε = 0.1 时：CE = 0.513697，H(y&lt;sub&gt;eff&lt;/sub&gt;) = 0.291140，KL = 0.222557。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Focal loss with γ = 0 and α &amp;lt; 0 is BCE with logits.&lt;/b&gt; γ = 0 makes the modulating factor 1, and α &amp;lt; 0 turns the α-weighting off:</source>
            <translation>&lt;b&gt;γ = 0 且 α &amp;lt; 0 时的 focal 损失就是基于 logits 的 BCE。&lt;/b&gt;γ = 0 使调制因子为 1，α &amp;lt; 0 则关闭 α 加权：</translation>
        </message>
        <message>
            <source>which is F.binary_cross_entropy_with_logits(z, y) with pos_weight 1, in value and gradient. A γ above 0 multiplies each term by (1 − p&lt;sub&gt;t&lt;/sub&gt;)&lt;sup&gt;γ&lt;/sup&gt;, small where the term is already right (p&lt;sub&gt;t&lt;/sub&gt; near 1): easy examples count less. For a = [2, 1, 0.1], T = 1 and class 0 both are 0.728195.</source>
            <translation>即 pos_weight 为 1 的 F.binary_cross_entropy_with_logits(z, y)，值和梯度都相同。γ 大于 0 时，每一项都乘以 (1 − p&lt;sub&gt;t&lt;/sub&gt;)&lt;sup&gt;γ&lt;/sup&gt;，在该项已经正确（p&lt;sub&gt;t&lt;/sub&gt; 接近 1）的地方这个因子很小：容易样本的权重降低。当 a = [2, 1, 0.1]、T = 1、类别为 0 时，两者都是 0.728195。</translation>
        </message>
        <message>
            <source>The regression losses</source>
            <translation>回归损失</translation>
        </message>
        <message>
            <source>The Regression tab fits ŷ = w·x + b to M points with one of these losses. Each is a sum of one function ℓ of the residuals r&lt;sub&gt;k&lt;/sub&gt; = ŷ&lt;sub&gt;k&lt;/sub&gt; − y&lt;sub&gt;k&lt;/sub&gt;, divided by M for reduction 'mean':</source>
            <translation>“回归”标签页用其中一种损失把直线 ŷ = w·x + b 拟合到 M 个点上。每种损失都是残差 r&lt;sub&gt;k&lt;/sub&gt; = ŷ&lt;sub&gt;k&lt;/sub&gt; − y&lt;sub&gt;k&lt;/sub&gt; 的同一个函数 ℓ 之和，归约方式为“平均”时再除以 M：</translation>
        </message>
        <message>
            <source>ŷ&lt;sub&gt;k&lt;/sub&gt; moves by x&lt;sub&gt;k&lt;/sub&gt; per unit of w and by 1 per unit of b, so the chain rule gives:</source>
            <translation>w 每变化一个单位，ŷ&lt;sub&gt;k&lt;/sub&gt; 变化 x&lt;sub&gt;k&lt;/sub&gt;；b 每变化一个单位，ŷ&lt;sub&gt;k&lt;/sub&gt; 变化 1。因此由链式法则得：</translation>
        </message>
        <message>
            <source>With reduction 'sum', drop the 1/M. At a kink the Regression tab shows the slope on each side next to torch's value.</source>
            <translation>若归约方式为“求和”，则去掉 1/M。在折点处，“回归”标签页会在 torch 的值旁边显示两侧的斜率。</translation>
        </message>
        <message>
            <source>Regression loss: %1</source>
            <translation>回归损失：%1</translation>
        </message>
        <message>
            <source>Its gradient, through ∂L/∂ŷ&lt;sub&gt;k&lt;/sub&gt;, in closed form:</source>
            <translation>经由 ∂L/∂ŷ&lt;sub&gt;k&lt;/sub&gt; 求得的梯度闭式解：</translation>
        </message>
        <message>
            <source>In PyTorch:</source>
            <translation>在 PyTorch 中：</translation>
        </message>
    </context>
    <context>
        <name>GlobalControls</name>
        <message>
            <source>&amp;Classes</source>
            <translation>类别数(&amp;C)</translation>
        </message>
        <message>
            <source>Classes</source>
            <translation>类别数</translation>
        </message>
        <message>
            <source>Number of classes</source>
            <translation>类别数</translation>
        </message>
        <message>
            <source>Number of classes N (2–1024). Up to 32 each logit has a slider; beyond, logits are generated.</source>
            <translation>类别数 N（2–1024）。不超过 32 类时每个 logit 都有一个滑块；超过后 logit 改为随机生成。</translation>
        </message>
        <message>
            <source>&amp;T</source>
            <translation>温度 &amp;T</translation>
        </message>
        <message>
            <source>Temperature</source>
            <translation>温度</translation>
        </message>
        <message>
            <source>Softmax temperature T: p = softmax(a/T). The slider is logarithmic from 0.05 to 20; type any value ≥ 0.001.</source>
            <translation>softmax 温度 T：p = softmax(a/T)。滑块为对数刻度，范围 0.05 到 20；也可输入任意 ≥ 0.001 的值。</translation>
        </message>
        <message>
            <source>ε</source>
            <translation>标签平滑 ε</translation>
        </message>
        <message>
            <source>Label smoothing</source>
            <translation>标签平滑</translation>
        </message>
        <message>
            <source>Label smoothing ε: y_eff = (1 − ε)·y + ε/N</source>
            <translation>标签平滑 ε：y_eff = (1 − ε)·y + ε/N</translation>
        </message>
        <message>
            <source>%1 classes</source>
            <translation>%1 个类别</translation>
        </message>
        <message>
            <source>Set T</source>
            <translation>设置 T</translation>
        </message>
        <message>
            <source>Set ε</source>
            <translation>设置 ε</translation>
        </message>
    </context>
    <context>
        <name>GradientsView</name>
        <message>
            <source>Gradient table</source>
            <translation>梯度表</translation>
        </message>
        <message>
            <source>pᵢ</source>
            <translation>pᵢ</translation>
        </message>
        <message>
            <source>The chosen loss's gradient computed by torch.autograd.grad, by backward() then .grad, by the closed form and by central differences; hover a cell for its full value</source>
            <translation>所选损失的梯度，分别由 torch.autograd.grad、先 backward() 再读取 .grad、闭式解以及中心差分计算；将鼠标悬停在单元格上可查看完整数值</translation>
        </message>
        <message>
            <source>∂%1/∂aᵢ</source>
            <translation>∂%1/∂aᵢ</translation>
        </message>
        <message>
            <source>&lt;b&gt;Gradients &amp;amp; checks&lt;/b&gt; ∂%1/∂a four independent ways</source>
            <translation>&lt;b&gt;梯度与校验&lt;/b&gt; 用四种独立方法计算 ∂%1/∂a</translation>
        </message>
        <message>
            <source>autograd</source>
            <translation>autograd</translation>
        </message>
        <message>
            <source>backward</source>
            <translation>backward</translation>
        </message>
        <message>
            <source>formula</source>
            <translation>公式</translation>
        </message>
        <message>
            <source>central</source>
            <translation>中心差分</translation>
        </message>
        <message>
            <source>±
error</source>
            <translation>±
误差</translation>
        </message>
        <message>
            <source>pᵢ = softmax(a/T)ᵢ</source>
            <translation>pᵢ = softmax(a/T)ᵢ</translation>
        </message>
        <message>
            <source>torch.autograd.grad(loss, [a])[0]</source>
            <translation>torch.autograd.grad(loss, [a])[0]</translation>
        </message>
        <message>
            <source>loss.backward(); a.grad — on a fresh leaf tensor</source>
            <translation>loss.backward(); a.grad —— 在新建的叶子张量上计算</translation>
        </message>
        <message>
            <source>exact ways agree ✓; on a kink now at %1: the central difference averages its two sides</source>
            <translation>精确方法一致 ✓；%1 现在正处于折点：中心差分取两侧的平均</translation>
        </message>
        <message>
            <source>torch's backward departs from the formula where it clamps σ(1 − σ) at 1e−12: σ(z) rounded to 0 or 1, so torch's gradient is 0 (Binary tab)</source>
            <translation>torch 的反向传播在把 σ(1 − σ) 截断到 1e−12 处偏离公式：σ(z) 已舍入为 0 或 1，所以 torch 的梯度为 0（见“二分类”标签页）</translation>
        </message>
        <message>
            <source>%1 %2 = %3</source>
            <translation>%1 %2 = %3</translation>
        </message>
        <message>
            <source>class-weighted CE = %1 · unweighted CE = %2 · MSE = %3</source>
            <translation>类别加权 CE = %1 · 不加权 CE = %2 · MSE = %3</translation>
        </message>
        <message>
            <source> — one sample with a class index: torch's mean divides by the target's weight, so the weights cancel</source>
            <translation>——单个样本、类别索引目标：torch 的平均会除以目标类的权重，所以权重相互抵消</translation>
        </message>
        <message>
            <source> · CE = %1 · MSE = %2</source>
            <translation> · CE = %1 · MSE = %2</translation>
        </message>
        <message>
            <source>max |diff| of the exact ways %1 · central diff. vs formula %2 · Jacobian %3 — %4</source>
            <translation>精确方法间最大 |差值| %1 · 中心差分与公式之差 %2 · 雅可比矩阵 %3 —— %4</translation>
        </message>
        <message>
            <source> · central differences for the first %1 of %2 logits (each costs a whole row of logits: O(N²))</source>
            <translation> · 只对前 %1 个（共 %2 个）logit 取中心差分（每个都要计算一整行 logit：O(N²)）</translation>
        </message>
        <message>
            <source>T = %1 · label smoothing ε = %2 · reduction = %3</source>
            <translation>T = %1 · 标签平滑 ε = %2 · 归约方式 = %3</translation>
        </message>
        <message>
            <source>moving a%1 to %2 reaches a corner: torch's ∂L/∂a%1 there = %3, one-sided slopes %4 (left), %5 (right)</source>
            <translation>把 a%1 移到 %2 会到达一个尖角：torch 在该处给出 ∂L/∂a%1 = %3，单侧斜率 %4（左）、%5（右）</translation>
        </message>
        <message>
            <source>moving a%1 to %2 reaches a join where only the curvature jumps: both slopes %4, torch's %3</source>
            <translation>把 a%1 移到 %2 会到达一个只有曲率跳变的连接点：两侧斜率均为 %4，torch 给出 %3</translation>
        </message>
        <message>
            <source>Losses and agreement</source>
            <translation>损失与一致性</translation>
        </message>
        <message>
            <source>the closed form (Help ▸ Formulas)</source>
            <translation>闭式解（帮助 ▸ 公式）</translation>
        </message>
        <message>
            <source>(L(a + h·eᵢ) − L(a − h·eᵢ))/2h with h = ε^(1/3)·max(|aᵢ|, T): needs no calculus</source>
            <translation>(L(a + h·eᵢ) − L(a − h·eᵢ))/2h，其中 h = ε^(1/3)·max(|aᵢ|, T)：无需微积分</translation>
        </message>
        <message>
            <source>how far the central difference can be from the true slope: the gap between steps h and 2h plus rounding (and half the jump at a kink)</source>
            <translation>中心差分与真实斜率可能相差多少：步长 h 与 2h 的结果之差加上舍入误差（折点处再加上跳变的一半）</translation>
        </message>
        <message>
            <source>all ways agree ✓</source>
            <translation>各方法结果一致 ✓</translation>
        </message>
        <message>
            <source>ways disagree ✗</source>
            <translation>各方法结果不一致 ✗</translation>
        </message>
    </context>
    <context>
        <name>Graph</name>
        <message>
            <source>freed</source>
            <translation>已释放</translation>
        </message>
        <message>
            <source>not saved: only the gradient of y needs x, and y needs none</source>
            <translation>未保存：只有 y 的梯度需要 x，而 y 不需要梯度</translation>
        </message>
        <message>
            <source>not saved: only the gradient of x needs y, and x needs none</source>
            <translation>未保存：只有 x 的梯度需要 y，而 x 不需要梯度</translation>
        </message>
        <message>
            <source>none given: every class weighs 1</source>
            <translation>未给出：每个类别的权重都是 1</translation>
        </message>
        <message>
            <source>none given: the positive term weighs 1</source>
            <translation>未给出：正类项的权重为 1</translation>
        </message>
        <message>
            <source>not saved: this backward does not need it</source>
            <translation>未保存：这个反向传播不需要它</translation>
        </message>
        <message>
            <source>a leaf tensor: adds the gradient that reaches it into its .grad</source>
            <translation>叶子张量：把到达它的梯度累加到它的 .grad 中</translation>
        </message>
        <message>
            <source>backward of |x|: passes sign(x)·g (0 at x = 0)</source>
            <translation>|x| 的反向传播：传出 sign(x)·g（x = 0 时为 0）</translation>
        </message>
        <message>
            <source>backward of x + α·y: passes g to x and α·g to y</source>
            <translation>x + α·y 的反向传播：向 x 传出 g，向 y 传出 α·g</translation>
        </message>
        <message>
            <source>backward of x + a number: passes g unchanged</source>
            <translation>x + 常数的反向传播：原样传出 g</translation>
        </message>
        <message>
            <source>backward of binary_cross_entropy on probabilities p: passes (p − y)/(p(1 − p))·g (÷ N for the mean)</source>
            <translation>基于概率 p 的 binary_cross_entropy 的反向传播：传出 (p − y)/(p(1 − p))·g（取平均时 ÷ N）</translation>
        </message>
        <message>
            <source>backward of BCE with logits z: passes (σ(z) − y)·g, with pos_weight on the positive term (÷ N for the mean)</source>
            <translation>基于 logits z 的 BCE 的反向传播：传出 (σ(z) − y)·g，正类项带 pos_weight（取平均时 ÷ N）</translation>
        </message>
        <message>
            <source>backward of x / y: passes g / y to x (and −g·x / y² to y if y needs a gradient); here z = a / T, so the gradient is divided by T</source>
            <translation>x / y 的反向传播：向 x 传出 g / y（若 y 需要梯度，还向 y 传出 −g·x / y²）；这里 z = a / T，所以梯度被除以 T</translation>
        </message>
        <message>
            <source>backward of x / a number c: passes g / c</source>
            <translation>x / 常数 c 的反向传播：传出 g / c</translation>
        </message>
        <message>
            <source>backward of exp(x): passes exp(x)·g</source>
            <translation>exp(x) 的反向传播：传出 exp(x)·g</translation>
        </message>
        <message>
            <source>backward of huber_loss: passes r·g where |r| ≤ δ and δ·sign(r)·g beyond, r = input − target (÷ M for the mean)</source>
            <translation>huber_loss 的反向传播：|r| ≤ δ 处传出 r·g，超出处传出 δ·sign(r)·g，r = input − target（取平均时 ÷ M）</translation>
        </message>
        <message>
            <source>backward of log(x): passes g / x</source>
            <translation>log(x) 的反向传播：传出 g / x</translation>
        </message>
        <message>
            <source>backward of log_softmax: passes g − softmax(z)·Σg</source>
            <translation>log_softmax 的反向传播：传出 g − softmax(z)·Σg</translation>
        </message>
        <message>
            <source>backward of masked_fill: passes g where the mask is off, 0 where it filled</source>
            <translation>masked_fill 的反向传播：掩码未覆盖处传出 g，被填充处传出 0</translation>
        </message>
        <message>
            <source>backward of mean: spreads g / N over every element</source>
            <translation>mean 的反向传播：把 g / N 平摊到每个元素</translation>
        </message>
        <message>
            <source>backward of mean over a dimension: spreads g / n along it</source>
            <translation>沿某一维 mean 的反向传播：沿该维平摊 g / n</translation>
        </message>
        <message>
            <source>backward of mse_loss: passes 2(input − target)·g (÷ N for the mean)</source>
            <translation>mse_loss 的反向传播：传出 2(input − target)·g（取平均时 ÷ N）</translation>
        </message>
        <message>
            <source>backward of x·y: passes g·y to x and g·x to y</source>
            <translation>x·y 的反向传播：向 x 传出 g·y，向 y 传出 g·x</translation>
        </message>
        <message>
            <source>backward of x·a number c: passes c·g</source>
            <translation>x·常数 c 的反向传播：传出 c·g</translation>
        </message>
        <message>
            <source>backward of multi_margin_loss: for each active hinge h_i &gt; 0, p·h_i^(p−1)·g/N to z_i and minus it to the target's z_y</source>
            <translation>multi_margin_loss 的反向传播：对每个起作用的 hinge h_i &gt; 0，向 z_i 传出 p·h_i^(p−1)·g/N，并向目标的 z_y 传出其相反数</translation>
        </message>
        <message>
            <source>backward of −x: passes −g</source>
            <translation>−x 的反向传播：传出 −g</translation>
        </message>
        <message>
            <source>backward of nll_loss: passes −g (times the class weight) to the target's log-probability, 0 to the others</source>
            <translation>nll_loss 的反向传播：向目标的对数概率传出 −g（乘以类别权重），向其他位置传出 0</translation>
        </message>
        <message>
            <source>backward of x^e for a number e: passes e·x^(e−1)·g</source>
            <translation>x^e（e 为常数）的反向传播：传出 e·x^(e−1)·g</translation>
        </message>
        <message>
            <source>backward of c − α·x (a number minus a tensor): passes −α·g</source>
            <translation>c − α·x（常数减张量）的反向传播：传出 −α·g</translation>
        </message>
        <message>
            <source>backward of sigmoid: passes σ(1 − σ)·g, from the saved result σ</source>
            <translation>sigmoid 的反向传播：由保存的结果 σ 传出 σ(1 − σ)·g</translation>
        </message>
        <message>
            <source>backward of smooth_l1_loss: passes r/β·g where |r| &lt; β and sign(r)·g beyond, r = input − target (÷ M for the mean)</source>
            <translation>smooth_l1_loss 的反向传播：|r| &lt; β 处传出 r/β·g，超出处传出 sign(r)·g，r = input − target（取平均时 ÷ M）</translation>
        </message>
        <message>
            <source>backward of softmax: passes p ⊙ (g − p·g), the softmax Jacobian (diag(p) − p pᵀ) times g</source>
            <translation>softmax 的反向传播：传出 p ⊙ (g − p·g)，即 softmax 雅可比矩阵 (diag(p) − p pᵀ) 乘以 g</translation>
        </message>
        <message>
            <source>backward of x − α·y: passes g to x and −α·g to y</source>
            <translation>x − α·y 的反向传播：向 x 传出 g，向 y 传出 −α·g</translation>
        </message>
        <message>
            <source>backward of sum: copies g to every element</source>
            <translation>sum 的反向传播：把 g 复制给每个元素</translation>
        </message>
        <message>
            <source>backward of sum over a dimension: copies g along it</source>
            <translation>沿某一维 sum 的反向传播：沿该维复制 g</translation>
        </message>
        <message>
            <source>backward of unsqueeze: drops the added dimension of g</source>
            <translation>unsqueeze 的反向传播：去掉 g 中新增的那一维</translation>
        </message>
        <message>
            <source>backward of torch's {op}: turns g into the gradients of its inputs</source>
            <translation>torch 的 {op} 的反向传播：把 g 变换为其各输入的梯度</translation>
        </message>
    </context>
    <context>
        <name>GraphPanel</name>
        <message>
            <source>not formed (too large)</source>
            <translation>未构造（过大）</translation>
        </message>
        <message>
            <source>diagonal: %1</source>
            <translation>对角线：%1</translation>
        </message>
        <message>
            <source>Classifier loss</source>
            <translation>分类器损失</translation>
        </message>
        <message>
            <source>Regression loss</source>
            <translation>回归损失</translation>
        </message>
        <message>
            <source>Pitfall B: requires_grad_() too late</source>
            <translation>常见错误 B：requires_grad_() 太晚</translation>
        </message>
        <message>
            <source>Pitfall C: backward twice</source>
            <translation>常见错误 C：两次 backward</translation>
        </message>
        <message>
            <source>Pitfall D: a Jacobian row as a VJP</source>
            <translation>常见错误 D：用向量–雅可比积求雅可比矩阵的一行</translation>
        </message>
        <message>
            <source>Which graph</source>
            <translation>显示哪个计算图</translation>
        </message>
        <message>
            <source>The graph of the classifier's loss, of the regression's loss, or one of the note's autograd pitfalls on it</source>
            <translation>分类器损失的计算图、回归损失的计算图，或笔记中基于它们的某个 autograd 常见错误</translation>
        </message>
        <message>
            <source>row i</source>
            <translation>第 i 行</translation>
        </message>
        <message>
            <source>Jacobian row i</source>
            <translation>雅可比矩阵第 i 行</translation>
        </message>
        <message>
            <source>Row i of ∂p/∂a: backward of p with grad_outputs = the one-hot e_i</source>
            <translation>∂p/∂a 的第 i 行：以 grad_outputs = 独热向量 e_i 对 p 做 backward</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>单步</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <source>Run the next node of backward, in the order autograd runs them (S, or Space on the graph)</source>
            <translation>按 autograd 的执行顺序运行 backward 的下一个节点（S，或在计算图上按 Space）</translation>
        </message>
        <message>
            <source>Run backward one node every 0.6 s; again to pause (P)</source>
            <translation>每 0.6 秒运行 backward 的一个节点；再按一次暂停（P）</translation>
        </message>
        <message>
            <source>Back to before backward: no gradient has flowed yet (R)</source>
            <translation>回到 backward 之前：还没有梯度流过（R）</translation>
        </message>
        <message>
            <source>Autograd graph</source>
            <translation>Autograd 计算图</translation>
        </message>
        <message>
            <source>The wheel scrolls the graph; Ctrl+wheel zooms; a double click fits it again</source>
            <translation>滚轮滚动计算图；Ctrl+滚轮缩放；双击恢复适配大小</translation>
        </message>
        <message>
            <source>Backward step</source>
            <translation>反向传播步骤</translation>
        </message>
        <message>
            <source>What torch did</source>
            <translation>torch 做了什么</translation>
        </message>
        <message>
            <source>%1 the node backward runs now, its incoming gradient and what it passes on &amp;nbsp; %2 a leaf tensor (its .grad) &amp;nbsp; &lt;s&gt;struck through&lt;/s&gt;: a saved tensor freed &amp;nbsp; dashed: not run yet &amp;nbsp; each arrow ends at the gradient that flowed along it</source>
            <translation>%1 反向传播当前运行的节点、它收到的梯度及传出的梯度 &amp;nbsp; %2 叶子张量（它的 .grad） &amp;nbsp; &lt;s&gt;删除线&lt;/s&gt;：已释放的保存张量 &amp;nbsp; 虚线：尚未运行 &amp;nbsp; 每个箭头末端是沿它流过的梯度</translation>
        </message>
        <message>
            <source>C. backward() without retain_graph freed each node's saved tensors as it ran (struck through). %1 With retain_graph=True the second backward runs and a.grad accumulates: %2 after the first, %3 after the second.</source>
            <translation>C. 不带 retain_graph 的 backward() 在每个节点运行时释放了它保存的张量（删除线）。%1 使用 retain_graph=True 时第二次 backward 可以运行，a.grad 会累加：第一次后为 %2，第二次后为 %3。</translation>
        </message>
        <message>
            <source>∂L/∂L = 1 (backward() starts here)</source>
            <translation>∂L/∂L = 1（backward() 从这里开始）</translation>
        </message>
        <message>
            <source>The classifier's loss (%1) of z = a / T; leaf a</source>
            <translation>分类器关于 z = a / T 的损失（%1）；叶子张量 a</translation>
        </message>
        <message>
            <source>The regression's loss (%1) of ŷ = w·x + b; leaves w and b</source>
            <translation>回归关于 ŷ = w·x + b 的损失（%1）；叶子张量 w 和 b</translation>
        </message>
        <message>
            <source>B. The graph was recorded while w did not require grad: it has no path to w. After w.requires_grad_(), torch.autograd.grad(old loss, [w]) raises %1: %2 Rebuilt after requires_grad_(), the graph reaches w (right).</source>
            <translation>B. 记录计算图时 w 还不需要梯度：图中没有通往 w 的路径。调用 w.requires_grad_() 之后，torch.autograd.grad(旧 loss, [w]) 抛出 %1：%2 在 requires_grad_() 之后重新构建，计算图就能到达 w（右）。</translation>
        </message>
        <message>
            <source>Before: built, then w.requires_grad_()</source>
            <translation>之前：先构建，再调用 w.requires_grad_()</translation>
        </message>
        <message>
            <source>After: the loss rebuilt</source>
            <translation>之后：重新构建损失</translation>
        </message>
        <message>
            <source>Reading one, or a second backward, raises %1: %2</source>
            <translation>读取其中任何一个，或再做一次 backward，都会抛出 %1：%2</translation>
        </message>
        <message>
            <source>Reading one raises: %1 A second backward raises %2: %3</source>
            <translation>读取其中一个会抛出：%1 第二次 backward 抛出 %2：%3</translation>
        </message>
        <message>
            <source>After loss.backward() without retain_graph</source>
            <translation>不带 retain_graph 调用 loss.backward() 之后</translation>
        </message>
        <message>
            <source>D. p is a vector: torch.autograd.grad(p, [a]) raises %1: %2 With grad_outputs = e_%3 it gives the vector–Jacobian product e_%3ᵀ·∂p/∂a = %4, row %3 of the Jacobian (its formula: %5; max |diff| %6).</source>
            <translation>D. p 是向量：torch.autograd.grad(p, [a]) 抛出 %1：%2 传入 grad_outputs = e_%3 时，它给出向量–雅可比积 e_%3ᵀ·∂p/∂a = %4，即雅可比矩阵的第 %3 行（公式：%5；最大 |差值| %6）。</translation>
        </message>
        <message>
            <source>p = softmax(a / T), backward with grad_outputs = e_%1</source>
            <translation>p = softmax(a / T)，以 grad_outputs = e_%1 做 backward</translation>
        </message>
        <message>
            <source>grad_outputs = e_%1 = %2</source>
            <translation>grad_outputs = e_%1 = %2</translation>
        </message>
        <message>
            <source>not yet</source>
            <translation>尚未</translation>
        </message>
        <message>
            <source>from %1: %2</source>
            <translation>来自 %1：%2</translation>
        </message>
        <message>
            <source>sum in = %1</source>
            <translation>流入之和 = %1</translation>
        </message>
        <message>
            <source>%1 — leaf %2</source>
            <translation>%1 —— 叶子 %2</translation>
        </message>
        <message>
            <source>Before backward: forward has saved what each node needs; no gradient has flowed yet. Step runs %1 first, with %2.</source>
            <translation>backward 之前：前向传播已保存各节点所需的值；还没有梯度流过。“单步”先运行 %1，以 %2 开始。</translation>
        </message>
        <message>
            <source>Step %1 of %2: %3 — incoming gradient g = %4</source>
            <translation>第 %1 步，共 %2 步：%3 —— 收到的梯度 g = %4</translation>
        </message>
        <message>
            <source>a leaf: %1.grad += g, so %1.grad = %2</source>
            <translation>叶子张量：%1.grad += g，所以 %1.grad = %2</translation>
        </message>
        <message>
            <source>it passes nothing on</source>
            <translation>它不再向下传递</translation>
        </message>
        <message>
            <source>to %1: its local Jacobian cannot be formed (the saved tensors were freed); it passed %2</source>
            <translation>传给 %1：无法构造其局部雅可比矩阵（保存的张量已被释放）；它传出了 %2</translation>
        </message>
        <message>
            <source>to %1: local Jacobian J = %2; g·J = %3</source>
            <translation>传给 %1：局部雅可比矩阵 J = %2；g·J = %3</translation>
        </message>
        <message>
            <source>%1.grad = %2 = closed form %3 (max |diff| %4)</source>
            <translation>%1.grad = %2 = 闭式解 %3（最大 |差值| %4）</translation>
        </message>
        <message>
            <source>Backward done. </source>
            <translation>backward 完成。</translation>
        </message>
        <message>
            <source>torch.autograd.grad on the same graph differs by %1; the loss L = %2 here, %3 in the other views.</source>
            <translation>同一计算图上的 torch.autograd.grad 相差 %1；此处损失 L = %2，其他视图中为 %3。</translation>
        </message>
        <message>
            <source>torch.autograd.grad gives ∂L/∂w = %1, ∂L/∂b = %2 (max |diff| %3).</source>
            <translation>torch.autograd.grad 给出 ∂L/∂w = %1，∂L/∂b = %2（最大 |差值| %3）。</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
    </context>
    <context>
        <name>JacobianView</name>
        <message>
            <source>&lt;b&gt;Jacobian&lt;/b&gt; ∂p&lt;sub&gt;i&lt;/sub&gt;/∂a&lt;sub&gt;j&lt;/sub&gt; = p&lt;sub&gt;i&lt;/sub&gt;(δ&lt;sub&gt;ij&lt;/sub&gt; − p&lt;sub&gt;j&lt;/sub&gt;)/T — hover a cell, click a row</source>
            <translation>&lt;b&gt;雅可比矩阵&lt;/b&gt; ∂p&lt;sub&gt;i&lt;/sub&gt;/∂a&lt;sub&gt;j&lt;/sub&gt; = p&lt;sub&gt;i&lt;/sub&gt;(δ&lt;sub&gt;ij&lt;/sub&gt; − p&lt;sub&gt;j&lt;/sub&gt;)/T —— 悬停查看单元格，点击选中一行</translation>
        </message>
        <message>
            <source>Jacobian cell details</source>
            <translation>雅可比矩阵单元格详情</translation>
        </message>
        <message>
            <source>Jacobian heatmap</source>
            <translation>雅可比矩阵热力图</translation>
        </message>
        <message>
            <source>j (logit aⱼ)</source>
            <translation>j（logit aⱼ）</translation>
        </message>
        <message>
            <source>i (probability pᵢ)</source>
            <translation>i（概率 pᵢ）</translation>
        </message>
        <message>
            <source>Hover a cell for its formula; click a row, or press ↑/↓, to check it against autograd</source>
            <translation>将鼠标悬停在单元格上可查看其公式；点击某一行或按 ↑/↓，可将该行与 autograd 的结果对照</translation>
        </message>
        <message>
            <source>&lt;b&gt;Jacobian&lt;/b&gt; ∂p&lt;sub&gt;i&lt;/sub&gt;/∂a&lt;sub&gt;j&lt;/sub&gt; = p&lt;sub&gt;i&lt;/sub&gt;(δ&lt;sub&gt;ij&lt;/sub&gt; − p&lt;sub&gt;j&lt;/sub&gt;)/T</source>
            <translation>&lt;b&gt;雅可比矩阵&lt;/b&gt; ∂p&lt;sub&gt;i&lt;/sub&gt;/∂a&lt;sub&gt;j&lt;/sub&gt; = p&lt;sub&gt;i&lt;/sub&gt;(δ&lt;sub&gt;ij&lt;/sub&gt; − p&lt;sub&gt;j&lt;/sub&gt;)/T</translation>
        </message>
        <message>
            <source>∂p%1/∂a%2 = p%1(δ%1%2 − p%2)/T = %3 × (%4 − %5) / %6 = %7
autograd %8 · closed form %9</source>
            <translation>∂p%1/∂a%2 = p%1(δ%1%2 − p%2)/T = %3 × (%4 − %5) / %6 = %7
autograd %8 · 闭式解 %9</translation>
        </message>
        <message>
            <source>Diagonal &gt; 0, off-diagonal &lt; 0; every row and column sums to 0.</source>
            <translation>对角线元素 &gt; 0，非对角线元素 &lt; 0；每行、每列之和均为 0。</translation>
        </message>
        <message>
            <source> Click a row (or focus the map and press ↑/↓) to check it against autograd.</source>
            <translation>点击某一行（或让热力图获得焦点后按 ↑/↓），可将其与 autograd 的结果对照。</translation>
        </message>
        <message>
            <source>%1 does not go through the softmax, so this Jacobian is not on its gradient's path.</source>
            <translation>%1 不经过 softmax，所以这个雅可比矩阵不在它的梯度路径上。</translation>
        </message>
        <message>
            <source>Row %1 = ∂p[%1]/∂a by autograd, as torch.autograd.grad(p[%1], a, retain_graph=True) gives it = [%2%3]; max |autograd − formula| = %4 %5</source>
            <translation>第 %1 行 = 由 autograd 求得的 ∂p[%1]/∂a，即 torch.autograd.grad(p[%1], a, retain_graph=True) 的结果 = [%2%3]；max |autograd − 公式| = %4 %5</translation>
        </message>
    </context>
    <context>
        <name>KinkPanel</name>
        <message>
            <source>Where ℓ(r) is not smooth: L1 at r = 0 (a corner), Huber at r = ±δ and SmoothL1 at r = ±β (the slope is continuous there, the curvature jumps)</source>
            <translation>ℓ(r) 不光滑之处：L1 在 r = 0（尖角），Huber 在 r = ±δ，SmoothL1 在 r = ±β（这两处斜率连续，曲率跳变）</translation>
        </message>
        <message>
            <source>Points on a kink now</source>
            <translation>当前位于折点上的点</translation>
        </message>
        <message>
            <source>The data points whose residual r = ŷ − y sits on a kink at the current (w, b)</source>
            <translation>在当前 (w, b) 下，残差 r = ŷ − y 恰好位于折点上的数据点</translation>
        </message>
        <message>
            <source>Point inspected at its kinks</source>
            <translation>在折点处检查的点</translation>
        </message>
        <message>
            <source>Which data point's kinks to inspect: b is moved so its residual sits on each kink, w kept (the first 8 points can be chosen)</source>
            <translation>要检查哪个数据点的折点：移动 b 使其残差依次落在每个折点上，w 保持不变（可选前 8 个点）</translation>
        </message>
        <message>
            <source>Poi&amp;nt</source>
            <translation>点(&amp;N)</translation>
        </message>
        <message>
            <source>b there</source>
            <translation>该处的 b</translation>
        </message>
        <message>
            <source>b that puts the point's residual on the kink (w kept)</source>
            <translation>使该点残差落在折点上的 b（w 不变）</translation>
        </message>
        <message>
            <source>torch ∂L/∂b</source>
            <translation>torch ∂L/∂b</translation>
        </message>
        <message>
            <source>∂L/∂b by torch.autograd.grad at the kink: the subgradient torch chooses</source>
            <translation>折点处由 torch.autograd.grad 求得的 ∂L/∂b：torch 选取的次梯度</translation>
        </message>
        <message>
            <source>left slope</source>
            <translation>左斜率</translation>
        </message>
        <message>
            <source>(L(b) − L(b − h))/h, h = √ε·max(1, |b|)</source>
            <translation>(L(b) − L(b − h))/h, h = √ε·max(1, |b|)</translation>
        </message>
        <message>
            <source>right slope</source>
            <translation>右斜率</translation>
        </message>
        <message>
            <source>(L(b + h) − L(b))/h</source>
            <translation>(L(b + h) − L(b))/h</translation>
        </message>
        <message>
            <source>Whether torch's value lies between the two one-sided slopes (within 1e-6)</source>
            <translation>torch 的值是否位于两个单侧斜率之间（容差 1e-6）</translation>
        </message>
        <message>
            <source>verdict</source>
            <translation>判定</translation>
        </message>
        <message>
            <source>r = ±δ = ±%1</source>
            <translation>r = ±δ = ±%1</translation>
        </message>
        <message>
            <source>r = ±β = ±%1</source>
            <translation>r = ±β = ±%1</translation>
        </message>
        <message>
            <source>r = 0</source>
            <translation>r = 0</translation>
        </message>
        <message>
            <source>&lt;b&gt;Kink inspector&lt;/b&gt;: ℓ(r) has a kink at %1</source>
            <translation>&lt;b&gt;折点检查&lt;/b&gt;：ℓ(r) 在 %1 处有折点</translation>
        </message>
        <message>
            <source>No residual sits on a kink at this (w, b).</source>
            <translation>在当前 (w, b) 下，没有残差落在折点上。</translation>
        </message>
        <message>
            <source>point %1 (r = %2)</source>
            <translation>点 %1（r = %2）</translation>
        </message>
        <message>
            <source>On a kink now: %1</source>
            <translation>当前位于折点上：%1</translation>
        </message>
        <message>
            <source>nearest a kink</source>
            <translation>最接近折点的点</translation>
        </message>
        <message>
            <source>point %1</source>
            <translation>点 %1</translation>
        </message>
        <message>
            <source>between ✓</source>
            <translation>在两者之间 ✓</translation>
        </message>
        <message>
            <source>outside ✗</source>
            <translation>在两者之外 ✗</translation>
        </message>
    </context>
    <context>
        <name>LogitsEditor</name>
        <message>
            <source>&amp;Generate logits</source>
            <translation>生成 logit(&amp;G)</translation>
        </message>
        <message>
            <source>Mean</source>
            <translation>均值</translation>
        </message>
        <message>
            <source>Mean of the normal distribution</source>
            <translation>正态分布的均值</translation>
        </message>
        <message>
            <source>σ</source>
            <translation>σ</translation>
        </message>
        <message>
            <source>Standard deviation</source>
            <translation>标准差</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <source>Random seed: the same seed gives the same logits</source>
            <translation>随机种子：相同的种子生成相同的 logit</translation>
        </message>
        <message>
            <source>Generate logits</source>
            <translation>生成 logit</translation>
        </message>
        <message>
            <source>Draw N logits from the normal distribution with this seed</source>
            <translation>用此种子从正态分布中抽取 N 个 logit</translation>
        </message>
        <message>
            <source>Logit a%1</source>
            <translation>logit a%1</translation>
        </message>
        <message>
            <source>Logit a%1: drag within −10…10, or type any value within ±10000</source>
            <translation>logit a%1：可在 −10…10 范围内拖动，或输入 ±10000 以内的任意值</translation>
        </message>
        <message>
            <source>%1 logits, from %2 to %3. Above %4 classes they are not shown one by one: Generate draws new ones from N(mean, σ²).</source>
            <translation>共 %1 个 logit，范围 %2 到 %3。超过 %4 个类别时不再逐个显示：点击“生成 logit”可从 N(均值, σ²) 重新抽取。</translation>
        </message>
        <message>
            <source>Set a%1</source>
            <translation>设置 a%1</translation>
        </message>
    </context>
    <context>
        <name>LossEditor</name>
        <message>
            <source>MSE</source>
            <translation>MSE</translation>
        </message>
        <message>
            <source>Loss shown</source>
            <translation>显示的损失</translation>
        </message>
        <message>
            <source>Cross-entropy value</source>
            <translation>交叉熵的值</translation>
        </message>
        <message>
            <source>MSE value</source>
            <translation>MSE 的值</translation>
        </message>
        <message>
            <source>−Σ y_eff·log p, equal to F.cross_entropy(a/T, target, label_smoothing=ε)</source>
            <translation>−Σ y_eff·log p，等于 F.cross_entropy(a/T, target, label_smoothing=ε)</translation>
        </message>
        <message>
            <source>Σ(p − y_eff)²/N for mean, without /N for sum; equal to F.mse_loss(p, y_eff, reduction)</source>
            <translation>取平均时为 Σ(p − y_eff)²/N，求和时不除以 N；等于 F.mse_loss(p, y_eff, reduction)</translation>
        </message>
        <message>
            <source>mean (÷ N)</source>
            <translation>平均（÷ N）</translation>
        </message>
        <message>
            <source>sum</source>
            <translation>求和</translation>
        </message>
        <message>
            <source>MSE reduction</source>
            <translation>MSE 归约方式</translation>
        </message>
        <message>
            <source>How MSE combines its terms: mean divides the sum of squares by their number; the note drops the division (sum). Applies to both MSE losses.</source>
            <translation>MSE 如何合并各项：“平均”将平方和除以项数；笔记中省去了这一除法（“求和”）。对分类器和回归中的 MSE 损失均适用。</translation>
        </message>
        <message>
            <source>Surface horizontal axis</source>
            <translation>曲面横轴</translation>
        </message>
        <message>
            <source>Surface vertical axis</source>
            <translation>曲面纵轴</translation>
        </message>
        <message>
            <source>Surface horizontal axis logit</source>
            <translation>曲面横轴 logit</translation>
        </message>
        <message>
            <source>Surface vertical axis logit</source>
            <translation>曲面纵轴 logit</translation>
        </message>
        <message>
            <source>The surface varies these two logits and keeps the others fixed; choosing the other axis's logit swaps them</source>
            <translation>曲面只改变这两个 logit，其余保持不变；若选择另一坐标轴当前的 logit，两轴将互换</translation>
        </message>
        <message>
            <source>Loss show&amp;n</source>
            <translation>显示的损失(&amp;N)</translation>
        </message>
        <message>
            <source>Surface a&amp;xes</source>
            <translation>曲面坐标轴(&amp;X)</translation>
        </message>
        <message>
            <source>CE</source>
            <translation>CE</translation>
        </message>
        <message>
            <source>The loss whose surface, gradient bars and gradient table are shown</source>
            <translation>显示其曲面、梯度条和梯度表的损失</translation>
        </message>
        <message>
            <source>w₀, w₁, …</source>
            <translation>w₀, w₁, …</translation>
        </message>
        <message>
            <source>Class weights</source>
            <translation>类别权重</translation>
        </message>
        <message>
            <source>Cross-entropy's class weights: one number ≥ 0 per class, separated by commas (the target class's above 0), then Enter. Empty: no weights.</source>
            <translation>交叉熵的类别权重：每个类别一个 ≥ 0 的数（目标类别的须大于 0），用逗号分隔，然后按 Enter。留空：不加权。</translation>
        </message>
        <message>
            <source>pw</source>
            <translation>pw</translation>
        </message>
        <message>
            <source>Margin</source>
            <translation>间隔</translation>
        </message>
        <message>
            <source>Positive weight pw</source>
            <translation>正类权重 pw</translation>
        </message>
        <message>
            <source>Focal γ</source>
            <translation>Focal γ</translation>
        </message>
        <message>
            <source>Focal α</source>
            <translation>Focal α</translation>
        </message>
        <message>
            <source>Hinge margin</source>
            <translation>Hinge 间隔</translation>
        </message>
        <message>
            <source>%1. Type any value in %2.</source>
            <translation>%1。可输入 %2 范围内的任意值。</translation>
        </message>
        <message>
            <source>p = 1 (hinge)</source>
            <translation>p = 1（hinge）</translation>
        </message>
        <message>
            <source>p = 2 (squared hinge)</source>
            <translation>p = 2（平方 hinge）</translation>
        </message>
        <message>
            <source>Hinge power p</source>
            <translation>Hinge 幂 p</translation>
        </message>
        <message>
            <source>Chosen loss value</source>
            <translation>所选损失的值</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <source>MSE red&amp;uction</source>
            <translation>MSE 归约方式(&amp;U)</translation>
        </message>
        <message>
            <source>%1 (weighted)</source>
            <translation>%1（加权）</translation>
        </message>
        <message>
            <source>Takes a class index as its target, and the target is probabilities: untick Soft target to choose it.</source>
            <translation>该损失以类别索引为目标，而当前目标是概率：取消勾选“软目标”才能选择它。</translation>
        </message>
        <message>
            <source>Show %1</source>
            <translation>显示 %1</translation>
        </message>
        <message>
            <source>Set %1</source>
            <translation>设置 %1</translation>
        </message>
        <message>
            <source>Hinge power p = %1</source>
            <translation>Hinge 幂 p = %1</translation>
        </message>
        <message>
            <source>Set class weights</source>
            <translation>设置类别权重</translation>
        </message>
        <message>
            <source>Clear class weights</source>
            <translation>清除类别权重</translation>
        </message>
        <message>
            <source>%1: %2 numbers typed, %3 needed (one per class)</source>
            <translation>%1：输入了 %2 个数，需要 %3 个（每个类别一个）</translation>
        </message>
        <message>
            <source>Reduction %1</source>
            <translation>归约方式 %1</translation>
        </message>
        <message>
            <source>Surface axes</source>
            <translation>曲面坐标轴</translation>
        </message>
    </context>
    <context>
        <name>LossNumbers</name>
        <message>
            <source>autograd</source>
            <translation>autograd</translation>
        </message>
        <message>
            <source>formula</source>
            <translation>公式</translation>
        </message>
        <message>
            <source>Loss value</source>
            <translation>损失值</translation>
        </message>
        <message>
            <source>The closed form Σ ℓ'(ŷ−y)·∂ŷ/∂θ (÷ M for the mean), ℓ' the chosen loss's slope: MSE 2r, L1 sign(r), Huber clamp(r, −δ, δ), SmoothL1 clamp(r/β, −1, 1)</source>
            <translation>闭式解 Σ ℓ'(ŷ−y)·∂ŷ/∂θ（取平均时 ÷ M），ℓ' 为所选损失的斜率：MSE 为 2r，L1 为 sign(r)，Huber 为 clamp(r, −δ, δ)，SmoothL1 为 clamp(r/β, −1, 1)</translation>
        </message>
        <message>
            <source>dL/dw by autograd</source>
            <translation>autograd 计算的 dL/dw</translation>
        </message>
        <message>
            <source>dL/dw by the formula</source>
            <translation>公式计算的 dL/dw</translation>
        </message>
        <message>
            <source>dL/db by autograd</source>
            <translation>autograd 计算的 dL/db</translation>
        </message>
        <message>
            <source>dL/db by the formula</source>
            <translation>公式计算的 dL/db</translation>
        </message>
        <message>
            <source>Largest difference autograd − formula</source>
            <translation>autograd 与公式的最大差值</translation>
        </message>
        <message>
            <source>max |autograd − formula| over ∂L/∂w and ∂L/∂b</source>
            <translation>∂L/∂w 和 ∂L/∂b 上的 max |autograd − 公式|</translation>
        </message>
        <message>
            <source>L</source>
            <translation>L</translation>
        </message>
        <message>
            <source>∂L/∂w</source>
            <translation>∂L/∂w</translation>
        </message>
        <message>
            <source>∂L/∂b</source>
            <translation>∂L/∂b</translation>
        </message>
        <message>
            <source>|diff|</source>
            <translation>|差值|</translation>
        </message>
        <message>
            <source>Formulas in use</source>
            <translation>当前使用的公式</translation>
        </message>
        <message>
            <source>The loss and gradient formulas for the chosen loss and reduction; M is the number of points</source>
            <translation>所选损失和归约方式下的损失及梯度公式；M 为点数</translation>
        </message>
        <message>
            <source>torch.autograd.grad of %1</source>
            <translation>%1 的 torch.autograd.grad</translation>
        </message>
        <message>
            <source>L = Σ|ŷ−y|/M, M = %1
∂L/∂w = Σ sign(ŷ−y)·x/M
∂L/∂b = Σ sign(ŷ−y)/M</source>
            <translation>L = Σ|ŷ−y|/M，M = %1
∂L/∂w = Σ sign(ŷ−y)·x/M
∂L/∂b = Σ sign(ŷ−y)/M</translation>
        </message>
        <message>
            <source>L = Σ|ŷ−y| (sum), M = %1
∂L/∂w = Σ sign(ŷ−y)·x
∂L/∂b = Σ sign(ŷ−y)</source>
            <translation>L = Σ|ŷ−y|（求和），M = %1
∂L/∂w = Σ sign(ŷ−y)·x
∂L/∂b = Σ sign(ŷ−y)</translation>
        </message>
        <message>
            <source>
(SmoothL1 with β = 0 is L1)</source>
            <translation>
（β = 0 的 SmoothL1 即 L1）</translation>
        </message>
        <message>
            <source>L = Σℓ(ŷ−y)/M, M = %1, δ = %2
ℓ(r) = r²/2 for |r| ≤ δ, δ·(|r| − δ/2) beyond
∂L/∂w = Σ clamp(ŷ−y, −δ, δ)·x/M
∂L/∂b = Σ clamp(ŷ−y, −δ, δ)/M</source>
            <translation>L = Σℓ(ŷ−y)/M，M = %1，δ = %2
|r| ≤ δ 时 ℓ(r) = r²/2，
超出时为 δ·(|r| − δ/2)
∂L/∂w = Σ clamp(ŷ−y, −δ, δ)·x/M
∂L/∂b = Σ clamp(ŷ−y, −δ, δ)/M</translation>
        </message>
        <message>
            <source>L = Σℓ(ŷ−y) (sum), M = %1, δ = %2
ℓ(r) = r²/2 for |r| ≤ δ, δ·(|r| − δ/2) beyond
∂L/∂w = Σ clamp(ŷ−y, −δ, δ)·x
∂L/∂b = Σ clamp(ŷ−y, −δ, δ)</source>
            <translation>L = Σℓ(ŷ−y)（求和），M = %1，δ = %2
|r| ≤ δ 时 ℓ(r) = r²/2，
超出时为 δ·(|r| − δ/2)
∂L/∂w = Σ clamp(ŷ−y, −δ, δ)·x
∂L/∂b = Σ clamp(ŷ−y, −δ, δ)</translation>
        </message>
        <message>
            <source>L = Σℓ(ŷ−y)/M, M = %1, β = %2
ℓ(r) = r²/(2β) for |r| &lt; β, |r| − β/2 beyond
∂L/∂w = Σ clamp((ŷ−y)/β, −1, 1)·x/M
∂L/∂b = Σ clamp((ŷ−y)/β, −1, 1)/M</source>
            <translation>L = Σℓ(ŷ−y)/M，M = %1，β = %2
|r| &lt; β 时 ℓ(r) = r²/(2β)，
超出时为 |r| − β/2
∂L/∂w = Σ clamp((ŷ−y)/β, −1, 1)·x/M
∂L/∂b = Σ clamp((ŷ−y)/β, −1, 1)/M</translation>
        </message>
        <message>
            <source>L = Σℓ(ŷ−y) (sum), M = %1, β = %2
ℓ(r) = r²/(2β) for |r| &lt; β, |r| − β/2 beyond
∂L/∂w = Σ clamp((ŷ−y)/β, −1, 1)·x
∂L/∂b = Σ clamp((ŷ−y)/β, −1, 1)</source>
            <translation>L = Σℓ(ŷ−y)（求和），M = %1，β = %2
|r| &lt; β 时 ℓ(r) = r²/(2β)，
超出时为 |r| − β/2
∂L/∂w = Σ clamp((ŷ−y)/β, −1, 1)·x
∂L/∂b = Σ clamp((ŷ−y)/β, −1, 1)</translation>
        </message>
        <message>
            <source>agree ✓</source>
            <translation>一致 ✓</translation>
        </message>
        <message>
            <source>disagree ✗</source>
            <translation>不一致 ✗</translation>
        </message>
        <message>
            <source>L = Σ(ŷ−y)²/M, M = %1
∂L/∂w = 2·Σ(ŷ−y)·x/M
∂L/∂b = 2·Σ(ŷ−y)/M</source>
            <translation>L = Σ(ŷ−y)²/M，M = %1
∂L/∂w = 2·Σ(ŷ−y)·x/M
∂L/∂b = 2·Σ(ŷ−y)/M</translation>
        </message>
        <message>
            <source>L = Σ(ŷ−y)² (sum), M = %1
∂L/∂w = 2·Σ(ŷ−y)·x
∂L/∂b = 2·Σ(ŷ−y)</source>
            <translation>L = Σ(ŷ−y)²（求和），M = %1
∂L/∂w = 2·Σ(ŷ−y)·x
∂L/∂b = 2·Σ(ŷ−y)</translation>
        </message>
    </context>
    <context>
        <name>Losses</name>
        <message>
            <source>L = −(1/N)·Σ_i [y_i·log σ(z_i) + (1 − y_i)·log(1 − σ(z_i))],  each log clamped at −100 by torch</source>
            <translation>L = −(1/N)·Σ_i [y_i·log σ(z_i) + (1 − y_i)·log(1 − σ(z_i))]，torch 把每个 log 截断在 −100</translation>
        </message>
        <message>
            <source>∂L/∂a_i = (σ(z_i) − y_i)/(N·T)  (torch's backward divides by max(σ(1 − σ), 1e-12): it departs from this for |z| ≳ 27.6 and is 0 once σ rounds to 0 or 1)</source>
            <translation>∂L/∂a_i = (σ(z_i) − y_i)/(N·T)（torch 的反向传播除以 max(σ(1 − σ), 1e-12)：|z| ≳ 27.6 时偏离此式，σ 舍入为 0 或 1 后为 0）</translation>
        </message>
        <message>
            <source>L = −(1/N)·Σ_i [pw·y_i·log σ(z_i) + (1 − y_i)·log(1 − σ(z_i))],  z = a/T,  y = y_eff</source>
            <translation>L = −(1/N)·Σ_i [pw·y_i·log σ(z_i) + (1 − y_i)·log(1 − σ(z_i))]，z = a/T，y = y_eff</translation>
        </message>
        <message>
            <source>∂L/∂a_i = ((1 − y_i)·σ(z_i) − pw·y_i·(1 − σ(z_i)))/(N·T);  pw = 1: (σ(z_i) − y_i)/(N·T)</source>
            <translation>∂L/∂a_i = ((1 − y_i)·σ(z_i) − pw·y_i·(1 − σ(z_i)))/(N·T)；pw = 1 时：(σ(z_i) − y_i)/(N·T)</translation>
        </message>
        <message>
            <source>weight of the positive (y = 1) term</source>
            <translation>正类（y = 1）项的权重</translation>
        </message>
        <message>
            <source>focusing exponent γ: (1 − p_t)^γ down-weights easy examples</source>
            <translation>聚焦指数 γ：(1 − p_t)^γ 降低容易样本的权重</translation>
        </message>
        <message>
            <source>balance α of positives; α &lt; 0 turns the α-weighting off</source>
            <translation>正类的平衡系数 α；α &lt; 0 时不做 α 加权</translation>
        </message>
        <message>
            <source>the hinge's margin</source>
            <translation>hinge 的间隔 margin</translation>
        </message>
        <message>
            <source>hinge power: 1 (hinge) or 2 (squared)</source>
            <translation>hinge 的幂：1（hinge）或 2（平方）</translation>
        </message>
        <message>
            <source>Huber's δ: quadratic for |r| ≤ δ, linear beyond</source>
            <translation>Huber 的 δ：|r| ≤ δ 时为二次，超出为线性</translation>
        </message>
        <message>
            <source>SmoothL1's β: quadratic for |r| &lt; β; β = 0 is L1</source>
            <translation>SmoothL1 的 β：|r| &lt; β 时为二次；β = 0 即 L1</translation>
        </message>
        <message>
            <source>cross-entropy</source>
            <translation>交叉熵</translation>
        </message>
        <message>
            <source>MSE on the softmax</source>
            <translation>softmax 上的 MSE</translation>
        </message>
        <message>
            <source>NLL on log_softmax</source>
            <translation>log_softmax 上的 NLL</translation>
        </message>
        <message>
            <source>KL divergence (batchmean)</source>
            <translation>KL 散度（batchmean）</translation>
        </message>
        <message>
            <source>BCE with logits (one yes/no per class)</source>
            <translation>基于 logits 的 BCE（每类一个是/否）</translation>
        </message>
        <message>
            <source>BCE on σ(z)</source>
            <translation>σ(z) 上的 BCE</translation>
        </message>
        <message>
            <source>sigmoid focal loss</source>
            <translation>sigmoid focal 损失</translation>
        </message>
        <message>
            <source>multi-class hinge (multi_margin)</source>
            <translation>多类 hinge（multi_margin）</translation>
        </message>
        <message>
            <source>MSE</source>
            <translation>MSE</translation>
        </message>
        <message>
            <source>L1 (absolute error)</source>
            <translation>L1（绝对误差）</translation>
        </message>
        <message>
            <source>Huber</source>
            <translation>Huber</translation>
        </message>
        <message>
            <source>SmoothL1</source>
            <translation>SmoothL1</translation>
        </message>
        <message>
            <source>L = −Σ_c v_c·log p_c,  p = softmax(a/T),  v = y_eff (no weights); with class weights w: v = w⊙y_eff / w_target (index target) or w⊙y_eff</source>
            <translation>L = −Σ_c v_c·log p_c，p = softmax(a/T)，v = y_eff（无权重）；有类别权重 w 时：v = w⊙y_eff / w_target（类别索引目标）或 w⊙y_eff</translation>
        </message>
        <message>
            <source>∂L/∂a = ((Σ_c v_c)·p − v)/T;  without weights (p − y_eff)/T</source>
            <translation>∂L/∂a = ((Σ_c v_c)·p − v)/T；无权重时为 (p − y_eff)/T</translation>
        </message>
        <message>
            <source>L = Σ_k ℓ(r_k)/M,  ℓ(r) = r²/2 for |r| ≤ δ, δ·(|r| − δ/2) beyond</source>
            <translation>L = Σ_k ℓ(r_k)/M，|r| ≤ δ 时 ℓ(r) = r²/2，超出时为 δ·(|r| − δ/2)</translation>
        </message>
        <message>
            <source>ℓ'(r) = clamp(r, −δ, δ);  ∂L/∂w = Σ_k ℓ'(r_k)·x_k/M,  ∂L/∂b = Σ_k ℓ'(r_k)/M</source>
            <translation>ℓ'(r) = clamp(r, −δ, δ)；∂L/∂w = Σ_k ℓ'(r_k)·x_k/M，∂L/∂b = Σ_k ℓ'(r_k)/M</translation>
        </message>
        <message>
            <source>r_k = ±δ (the slope is continuous there; the curvature jumps)</source>
            <translation>r_k = ±δ（此处斜率连续；曲率跳变）</translation>
        </message>
        <message>
            <source>L = Σ_i y_eff,i·(log y_eff,i − log p_i) = CE(y_eff) − H(y_eff)</source>
            <translation>L = Σ_i y_eff,i·(log y_eff,i − log p_i) = CE(y_eff) − H(y_eff)</translation>
        </message>
        <message>
            <source>∂L/∂a = (p − y_eff)/T  (CE's: H(y_eff) does not depend on a)</source>
            <translation>∂L/∂a = (p − y_eff)/T（与 CE 相同：H(y_eff) 与 a 无关）</translation>
        </message>
        <message>
            <source>L = Σ_k |r_k|/M (mean; sum: without /M),  r = w·x + b − y</source>
            <translation>L = Σ_k |r_k|/M（平均；求和时不除以 M），r = w·x + b − y</translation>
        </message>
        <message>
            <source>∂L/∂w = Σ_k sign(r_k)·x_k/M,  ∂L/∂b = Σ_k sign(r_k)/M  (torch: sign(0) = 0)</source>
            <translation>∂L/∂w = Σ_k sign(r_k)·x_k/M，∂L/∂b = Σ_k sign(r_k)/M（torch：sign(0) = 0）</translation>
        </message>
        <message>
            <source>r_k = 0 (a corner)</source>
            <translation>r_k = 0（一个尖角）</translation>
        </message>
        <message>
            <source>L = Σ_i (p_i − y_eff,i)²/N (mean; sum: without /N),  p = softmax(a/T)</source>
            <translation>L = Σ_i (p_i − y_eff,i)²/N（平均；求和时不除以 N），p = softmax(a/T)</translation>
        </message>
        <message>
            <source>∂L/∂a = p⊙(g − (p·g))/T,  g = ∂L/∂p = 2(p − y_eff)/N (sum: 2(p − y_eff))</source>
            <translation>∂L/∂a = p⊙(g − (p·g))/T，g = ∂L/∂p = 2(p − y_eff)/N（求和时：2(p − y_eff)）</translation>
        </message>
        <message>
            <source>L = (1/N)·Σ_{i≠y} max(0, margin − z_y + z_i)^p,  z = a/T</source>
            <translation>L = (1/N)·Σ_{i≠y} max(0, margin − z_y + z_i)^p，z = a/T</translation>
        </message>
        <message>
            <source>∂L/∂a_i = p·h_i^(p−1)·[h_i &gt; 0]/(N·T) for i ≠ y,  h_i = margin − z_y + z_i;  ∂L/∂a_y = −Σ_{i≠y} ∂L/∂a_i  (at h_i = 0 torch takes 0)</source>
            <translation>i ≠ y 时 ∂L/∂a_i = p·h_i^(p−1)·[h_i &gt; 0]/(N·T)，h_i = margin − z_y + z_i；∂L/∂a_y = −Σ_{i≠y} ∂L/∂a_i（h_i = 0 处 torch 取 0）</translation>
        </message>
        <message>
            <source>h_i = 0, i.e. a_i = a_y − margin·T (p = 1: a corner; p = 2: only the curvature jumps)</source>
            <translation>h_i = 0，即 a_i = a_y − margin·T（p = 1：尖角；p = 2：只有曲率跳变）</translation>
        </message>
        <message>
            <source>L = −log_softmax(a/T)_y  (class index y; CE = NLL ∘ log_softmax when ε = 0)</source>
            <translation>L = −log_softmax(a/T)_y（类别索引 y；ε = 0 时 CE = NLL ∘ log_softmax）</translation>
        </message>
        <message>
            <source>∂L/∂a = (p − onehot(y))/T</source>
            <translation>∂L/∂a = (p − onehot(y))/T</translation>
        </message>
        <message>
            <source>L = Σ_k r_k²/M (mean; sum: without /M),  r = w·x + b − y</source>
            <translation>L = Σ_k r_k²/M（平均；求和时不除以 M），r = w·x + b − y</translation>
        </message>
        <message>
            <source>∂L/∂w = Σ_k 2r_k·x_k/M,  ∂L/∂b = Σ_k 2r_k/M</source>
            <translation>∂L/∂w = Σ_k 2r_k·x_k/M，∂L/∂b = Σ_k 2r_k/M</translation>
        </message>
        <message>
            <source>L = (1/N)·Σ_i α_t·(1 − p_t)^γ·BCE(z_i, y_i),  p = σ(z),  p_t = p·y + (1 − p)(1 − y),  α_t = α·y + (1 − α)(1 − y) (α &lt; 0: 1)</source>
            <translation>L = (1/N)·Σ_i α_t·(1 − p_t)^γ·BCE(z_i, y_i)，p = σ(z)，p_t = p·y + (1 − p)(1 − y)，α_t = α·y + (1 − α)(1 − y)（α &lt; 0 时为 1）</translation>
        </message>
        <message>
            <source>∂L/∂a_i = α_t·[(p − y)·(1 − p_t)^γ − γ·BCE·(1 − p_t)^(γ−1)·p(1 − p)(2y − 1)]/(N·T)</source>
            <translation>∂L/∂a_i = α_t·[(p − y)·(1 − p_t)^γ − γ·BCE·(1 − p_t)^(γ−1)·p(1 − p)(2y − 1)]/(N·T)</translation>
        </message>
        <message>
            <source>L = Σ_k ℓ(r_k)/M,  ℓ(r) = r²/(2β) for |r| &lt; β, |r| − β/2 beyond (β = 0: |r|)</source>
            <translation>L = Σ_k ℓ(r_k)/M，|r| &lt; β 时 ℓ(r) = r²/(2β)，超出时为 |r| − β/2（β = 0：|r|）</translation>
        </message>
        <message>
            <source>ℓ'(r) = r/β for |r| &lt; β, sign(r) beyond;  ∂L/∂w = Σ_k ℓ'(r_k)·x_k/M,  ∂L/∂b = Σ_k ℓ'(r_k)/M</source>
            <translation>|r| &lt; β 时 ℓ'(r) = r/β，超出时为 sign(r)；∂L/∂w = Σ_k ℓ'(r_k)·x_k/M，∂L/∂b = Σ_k ℓ'(r_k)/M</translation>
        </message>
        <message>
            <source>r_k = ±β (β = 0: r_k = 0, a corner)</source>
            <translation>r_k = ±β（β = 0：r_k = 0，尖角）</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Loss Lens</source>
            <translation>Loss Lens</translation>
        </message>
        <message>
            <source>Loading torch…</source>
            <translation>正在加载 torch…</translation>
        </message>
        <message>
            <source>Key numbers</source>
            <translation>关键数值</translation>
        </message>
        <message>
            <source>Set state</source>
            <translation>设置状态</translation>
        </message>
        <message>
            <source>Whole window</source>
            <translation>整个窗口</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;About Loss Lens</source>
            <translation>关于 Loss Lens(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Formulas</source>
            <translation>公式(&amp;F)</translation>
        </message>
        <message>
            <source>The note's formulas, each linked to its view</source>
            <translation>笔记中的公式，每个都链接到对应的视图</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>Go to &amp;label smoothing ε</source>
            <translation>转到标签平滑 ε(&amp;L)</translation>
        </message>
        <message>
            <source>Go to lear&amp;ning rate η</source>
            <translation>转到学习率 η(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Presentation mode</source>
            <translation>演示模式(&amp;P)</translation>
        </message>
        <message>
            <source>Larger text and thicker lines, for a projector</source>
            <translation>更大的文字和更粗的线条，适合投影仪</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source>Presets</source>
            <translation>预设</translation>
        </message>
        <message>
            <source>Load one of the note's examples or another preset</source>
            <translation>加载笔记中的示例或其他预设</translation>
        </message>
        <message>
            <source>Logits a</source>
            <translation>logit a</translation>
        </message>
        <message>
            <source>Target y</source>
            <translation>目标 y</translation>
        </message>
        <message>
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <source>Controls</source>
            <translation>控制面板</translation>
        </message>
        <message>
            <source>Classifier</source>
            <translation>分类器</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;3-D surface</source>
            <translation>三维曲面(&amp;3)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>Follow the &amp;system</source>
            <translation>跟随系统(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>浅色(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>深色(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>主题(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>CE %1 · MSE (%2) %3 · max |diff| %4 · T %5 · ε %6 · N %7</source>
            <translation>CE %1 · MSE (%2) %3 · 最大 |差值| %4 · T %5 · ε %6 · N %7</translation>
        </message>
        <message>
            <source>Computing…</source>
            <translation>正在计算…</translation>
        </message>
        <message>
            <source>%1 could not draw this state.
%2</source>
            <translation>%1 无法绘制此状态。
%2</translation>
        </message>
        <message>
            <source>%1 could not draw this state (%2); the other views show it.</source>
            <translation>%1 无法绘制此状态（%2）；其他视图已显示它。</translation>
        </message>
        <message>
            <source>torch could not be loaded: %1</source>
            <translation>无法加载 torch：%1</translation>
        </message>
        <message>
            <source>torch could not be loaded</source>
            <translation>无法加载 torch</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>The %1 tab does not use the classifier: the greyed controls change nothing here.</source>
            <translation>“%1”页不使用分类器：灰色的控件在这里不起作用。</translation>
        </message>
        <message>
            <source>The %1 tab compares the two losses chosen above its plot, whatever loss is shown; the options shown count here when the loss shown is one of the two.</source>
            <translation>无论显示的是哪种损失，“%1”页都比较其图上方所选的两个损失；只有当显示的损失是这两个之一时，这里显示的选项才起作用。</translation>
        </message>
        <message>
            <source>The %1 tab reads only the logits a₀ and a₁ (for the two-class softmax); the greyed controls change nothing here.</source>
            <translation>“%1”页只用到 logit a₀ 和 a₁（用于两类 softmax）；灰色的控件在这里不起作用。</translation>
        </message>
        <message>
            <source>The %1 tab reads only the logits, N and T; the greyed controls change nothing here.</source>
            <translation>“%1”页只用到 logits、N 和 T；灰色的控件在这里不起作用。</translation>
        </message>
    </context>
    <context>
        <name>MseSurface</name>
        <message>
            <source>Loss surface over w and b</source>
            <translation>关于 w 和 b 的损失曲面</translation>
        </message>
        <message>
            <source>F&amp;it view</source>
            <translation>适配视图(&amp;I)</translation>
        </message>
        <message>
            <source>Fit the surface ranges</source>
            <translation>适配曲面范围</translation>
        </message>
        <message>
            <source>Set the w and b ranges of the surface and the slice around the current point, the descent path and the best fit</source>
            <translation>设置曲面和切片的 w、b 范围，使其涵盖当前点、下降路径和最佳拟合</translation>
        </message>
        <message>
            <source>Descent summary</source>
            <translation>下降概要</translation>
        </message>
        <message>
            <source>Click the map to move (w, b) there; drag to carry it</source>
            <translation>单击图把 (w, b) 移到该处；拖动可带着它移动</translation>
        </message>
        <message>
            <source>w</source>
            <translation>w</translation>
        </message>
        <message>
            <source>b</source>
            <translation>b</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 surface&lt;/b&gt; L(w, b), descent path</source>
            <translation>&lt;b&gt;%1 曲面&lt;/b&gt; L(w, b)，下降路径</translation>
        </message>
        <message>
            <source> · (w, b) off the map: Fit view</source>
            <translation> · (w, b) 超出图的范围：请点“适配视图”</translation>
        </message>
        <message>
            <source>⚠ Diverged after %1 step(s):
η = %2 is too large%3</source>
            <translation>⚠ %1 步后发散：
η = %2 过大%3</translation>
        </message>
        <message>
            <source>−∇L = (%4, %5) (red arrow)
after %1 steps L = %6%3</source>
            <translation>−∇L = (%4, %5)（红色箭头）
%1 步后 L = %6%3</translation>
        </message>
    </context>
    <context>
        <name>MseVsCeView</name>
        <message>
            <source>value (log scale)</source>
            <translation>数值（对数刻度）</translation>
        </message>
        <message>
            <source>What the curves show</source>
            <translation>曲线说明了什么</translation>
        </message>
        <message>
            <source>a%1, the true class's logit (others fixed)</source>
            <translation>a%1：真实类别的 logit（其他保持不变）</translation>
        </message>
        <message>
            <source>Loss compared</source>
            <translation>比较的损失</translation>
        </message>
        <message>
            <source>Loss it is compared with</source>
            <translation>与之比较的损失</translation>
        </message>
        <message>
            <source>Swap the two losses</source>
            <translation>交换两个损失</translation>
        </message>
        <message>
            <source>Two losses and the size of their gradients along the true class's logit</source>
            <translation>两个损失及其梯度大小随真实类别 logit 的变化</translation>
        </message>
        <message>
            <source>Co&amp;mpare</source>
            <translation>比较(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;with</source>
            <translation>与(&amp;W)</translation>
        </message>
        <message>
            <source>The two losses whose gradients the plot compares; the loss chosen in the other box is not offered (a loss compared with itself shows nothing)</source>
            <translation>图中比较其梯度的两个损失；另一个框中已选的损失不在可选之列（损失与自身比较看不出任何东西）</translation>
        </message>
        <message>
            <source>|∂%1/∂a%2|</source>
            <translation>|∂%1/∂a%2|</translation>
        </message>
        <message>
            <source>Compare %1</source>
            <translation>比较 %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 vs %2&lt;/b&gt; — from very wrong (left) to very right (right) for class %3</source>
            <translation>&lt;b&gt;%1 与 %2&lt;/b&gt; —— 对类别 %3，从错得离谱（左）到完全正确（右）</translation>
        </message>
        <message>
            <source>%1 takes a class index as target and the target is probabilities: it has no curve here.</source>
            <translation>%1 以类别索引为目标，而当前目标是概率：这里没有它的曲线。</translation>
        </message>
        <message>
            <source>%1 is 0 along the whole sweep.</source>
            <translation>%1 在整个扫描范围内都为 0。</translation>
        </message>
        <message>
            <source>%1 = %2 there, its largest on the sweep: it does not vanish.</source>
            <translation>该处 %1 = %2，是扫描范围内的最大值：它不会消失。</translation>
        </message>
        <message>
            <source>%1 = %2 there, %3 of its largest: it stays near its largest.</source>
            <translation>该处 %1 = %2，为其最大值的 %3：它保持在最大值附近。</translation>
        </message>
        <message>
            <source>%1 = %2 there, %3 of its largest: it shrinks but does not vanish.</source>
            <translation>该处 %1 = %2，为其最大值的 %3：它变小了，但不会消失。</translation>
        </message>
        <message>
            <source>%1 = %2 there, only %3 of its largest: it vanishes, so a classifier trained with %4 barely learns from its worst mistakes.</source>
            <translation>该处 %1 = %2，仅为其最大值的 %3：它消失了，所以用 %4 训练的分类器几乎无法从最严重的错误中学习。</translation>
        </message>
        <message>
            <source>Confidently wrong (left end, a%1 = %2):</source>
            <translation>错得很自信时（左端，a%1 = %2）：</translation>
        </message>
        <message>
            <source>Confidently right (right end, a%1 = %2): %3 is %4 of %5: %6 lets go of an example already right far sooner than %7.</source>
            <translation>对得很自信时（右端，a%1 = %2）：%3 只有 %5 的 %4：%6 比 %7 早得多地放过已经正确的样本。</translation>
        </message>
        <message>
            <source>Now (dotted line): %1%2.</source>
            <translation>当前（点线）：%1%2。</translation>
        </message>
        <message>
            <source> (a%1 = %2 lies outside the plotted sweep)</source>
            <translation>（a%1 = %2 超出了绘制的扫描范围）</translation>
        </message>
        <message>
            <source>%1 is 0 in float64 for a%2 from %3 to %4, where its curve stops%5.</source>
            <translation>a%2 从 %3 到 %4 时，%1 在 float64 中为 0，其曲线在此中断%5。</translation>
        </message>
        <message>
            <source> (torch's own value)</source>
            <translation>（torch 自身给出的值）</translation>
        </message>
        <message>
            <source>Values below %1, float64's smallest normal number, are computed and drawn as logarithms: as float64 numbers they would round to 0.</source>
            <translation>小于 %1（float64 最小的正规数）的值按对数计算和绘制：作为 float64 数它们会舍入为 0。</translation>
        </message>
    </context>
    <context>
        <name>NumberEntry</name>
        <message>
            <source>nothing typed</source>
            <translation>未输入内容</translation>
        </message>
        <message>
            <source>%1 is not a number: write decimals with a point and no thousands separators (1000 or 1e3)</source>
            <translation>%1 不是数字：小数请用点号，不要用千位分隔符（1000 或 1e3）</translation>
        </message>
        <message>
            <source>%1 is not a number (examples: 0.5, -2, 1e-3)</source>
            <translation>%1 不是数字（例如 0.5、-2、1e-3）</translation>
        </message>
        <message>
            <source>%1 is not a finite number</source>
            <translation>%1 不是有限的数</translation>
        </message>
        <message>
            <source>%1 is too large for a number</source>
            <translation>%1 太大，无法表示为数字</translation>
        </message>
        <message>
            <source>%1 is not a whole number</source>
            <translation>%1 不是整数</translation>
        </message>
        <message>
            <source>%1 is not in %2</source>
            <translation>%1 不在 %2 范围内</translation>
        </message>
    </context>
    <context>
        <name>PitfallCard</name>
        <message>
            <source>The code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Run in torch</source>
            <translation>在 torch 中运行</translation>
        </message>
        <message>
            <source>Run pitfall %1</source>
            <translation>运行常见错误 %1</translation>
        </message>
        <message>
            <source>Run this code in torch and show what it raises, then the fix</source>
            <translation>在 torch 中运行这段代码，显示它抛出的异常，再给出修正方法</translation>
        </message>
        <message>
            <source>What torch raised</source>
            <translation>torch 抛出的异常</translation>
        </message>
        <message>
            <source>The fix</source>
            <translation>修正方法</translation>
        </message>
        <message>
            <source>What the fix gives</source>
            <translation>修正后的结果</translation>
        </message>
        <message>
            <source>Press “%1” to execute the code above.</source>
            <translation>点“%1”即可执行上面的代码。</translation>
        </message>
        <message>
            <source>closed form agrees (max |diff| %1)</source>
            <translation>与闭式解一致（最大 |差值| %1）</translation>
        </message>
    </context>
    <context>
        <name>Pitfalls</name>
        <message>
            <source>No error was raised: this torch version accepted the step.</source>
            <translation>没有抛出错误：当前 torch 版本接受了这一步。</translation>
        </message>
        <message>
            <source>w created without requires_grad</source>
            <translation>创建 w 时没有设置 requires_grad</translation>
        </message>
        <message>
            <source>requires_grad_() called after the loss was built</source>
            <translation>在构建损失之后才调用 requires_grad_()</translation>
        </message>
        <message>
            <source>A second backward through a freed graph</source>
            <translation>对已释放的计算图做第二次 backward</translation>
        </message>
        <message>
            <source>autograd.grad of a vector output</source>
            <translation>对向量输出调用 autograd.grad</translation>
        </message>
        <message>
            <source>autograd only tracks tensors created with requires_grad=True, so a loss computed from a plain w has no path back to w. Create w with requires_grad=True, then build the loss.</source>
            <translation>autograd 只跟踪以 requires_grad=True 创建的张量，因此由普通的 w 计算出的损失没有通往 w 的路径。应先以 requires_grad=True 创建 w，再构建损失。</translation>
        </message>
        <message>
            <source>The graph is recorded while the loss is computed; switching requires_grad on afterwards does not change a graph that already exists. Call requires_grad_() first, then recompute the loss.</source>
            <translation>计算图是在计算损失的过程中记录的；事后再打开 requires_grad 不会改变已经存在的计算图。应先调用 requires_grad_()，再重新计算损失。</translation>
        </message>
        <message>
            <source>After one backward pass torch frees the graph's saved values (retain_graph=False by default), so a second gradient through the same graph fails. Pass retain_graph=True on every call but the last.</source>
            <translation>做完一次反向传播后，torch 会释放计算图中保存的值（默认 retain_graph=False），因此经由同一计算图再求一次梯度就会失败。除最后一次调用外，每次调用都要传入 retain_graph=True。</translation>
        </message>
        <message>
            <source>autograd.grad computes the gradient of a scalar; for the vector p it would need to know how to weight the outputs. Take one p_i at a time (row i of the Jacobian), or pass grad_outputs.</source>
            <translation>autograd.grad 计算的是标量的梯度；对于向量 p，它需要知道如何对各个输出加权。可以每次只取一个 p_i（即雅可比矩阵的第 i 行），或者传入 grad_outputs。</translation>
        </message>
    </context>
    <context>
        <name>PitfallsTab</name>
        <message>
            <source>The note's four autograd errors. Each card runs its code in torch when asked and shows the exception torch really raises, then the fix.</source>
            <translation>笔记中的四种 autograd 错误。每张卡片会按需在 torch 中运行其代码，显示 torch 实际抛出的异常，再给出修正方法。</translation>
        </message>
        <message>
            <source>Run a&amp;ll</source>
            <translation>全部运行(&amp;L)</translation>
        </message>
        <message>
            <source>Run all pitfalls</source>
            <translation>运行全部常见错误</translation>
        </message>
        <message>
            <source>Run the four experiments in torch</source>
            <translation>在 torch 中运行这四个实验</translation>
        </message>
        <message>
            <source>Pitfall cards</source>
            <translation>常见错误卡片</translation>
        </message>
    </context>
    <context>
        <name>PlotItem</name>
        <message>
            <source>Plot Options</source>
            <translation>绘图选项</translation>
        </message>
        <message>
            <source>Transforms</source>
            <translation>变换</translation>
        </message>
        <message>
            <source>Downsample</source>
            <translation>降采样</translation>
        </message>
        <message>
            <source>Average</source>
            <translation>平均</translation>
        </message>
        <message>
            <source>Alpha</source>
            <translation>透明度</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>数据点</translation>
        </message>
    </context>
    <context>
        <name>PlotMenus</name>
        <message>
            <source>Export figure of “%1”…</source>
            <translation>导出“%1”的图…</translation>
        </message>
        <message>
            <source>Copy picture of “%1”</source>
            <translation>复制“%1”的图片</translation>
        </message>
    </context>
    <context>
        <name>Reduction</name>
        <message>
            <source>mean</source>
            <translation>平均</translation>
        </message>
        <message>
            <source>sum</source>
            <translation>求和</translation>
        </message>
    </context>
    <context>
        <name>RegressionControls</name>
        <message>
            <source>Data points (x, y)</source>
            <translation>数据点 (x, y)</translation>
        </message>
        <message>
            <source>x (input)</source>
            <translation>x（输入）</translation>
        </message>
        <message>
            <source>y (target)</source>
            <translation>y（目标）</translation>
        </message>
        <message>
            <source>Data points table</source>
            <translation>数据点表格</translation>
        </message>
        <message>
            <source>The data: one row per point. Double-click or press F2 to type a value; points can also be dragged in the data plot.</source>
            <translation>数据：每行一个点。双击或按 F2 输入数值；也可以在数据图中拖动点。</translation>
        </message>
        <message>
            <source>&amp;Add point</source>
            <translation>添加点(&amp;A)</translation>
        </message>
        <message>
            <source>Add a data point</source>
            <translation>添加一个数据点</translation>
        </message>
        <message>
            <source>Add a point one step right of the rightmost, at the last point's height (at most %1 points)</source>
            <translation>在最右侧点的右边一步处添加一个点，高度与最后一个点相同（最多 %1 个点）</translation>
        </message>
        <message>
            <source>Re&amp;move point</source>
            <translation>删除点(&amp;M)</translation>
        </message>
        <message>
            <source>Remove the selected data point</source>
            <translation>删除选中的数据点</translation>
        </message>
        <message>
            <source>Remove the selected point (the last if none is selected); one point always remains</source>
            <translation>删除选中的点（未选中时删除最后一个）；至少保留一个点</translation>
        </message>
        <message>
            <source>Line ŷ = w·x + b</source>
            <translation>直线 ŷ = w·x + b</translation>
        </message>
        <message>
            <source>&amp;w</source>
            <translation>&amp;w</translation>
        </message>
        <message>
            <source>Slope w</source>
            <translation>斜率 w</translation>
        </message>
        <message>
            <source>The slope w of the line ŷ = w·x + b. The slider covers the surface's w range; type any value within ±1e6.</source>
            <translation>直线 ŷ = w·x + b 的斜率 w。滑块覆盖曲面的 w 范围；可输入 ±1e6 以内的任意值。</translation>
        </message>
        <message>
            <source>&amp;b</source>
            <translation>&amp;b</translation>
        </message>
        <message>
            <source>Intercept b</source>
            <translation>截距 b</translation>
        </message>
        <message>
            <source>The intercept b of the line ŷ = w·x + b. The slider covers the surface's b range; type any value within ±1e6.</source>
            <translation>直线 ŷ = w·x + b 的截距 b。滑块覆盖曲面的 b 范围；可输入 ±1e6 以内的任意值。</translation>
        </message>
        <message>
            <source>&amp;Loss</source>
            <translation>损失(&amp;L)</translation>
        </message>
        <message>
            <source>Huber delta</source>
            <translation>Huber δ</translation>
        </message>
        <message>
            <source>%1. In the units of y. The slider is logarithmic from 0.01 to 100; type any number in %2.</source>
            <translation>%1。单位与 y 相同。滑块为 0.01 到 100 的对数刻度；可输入 %2 范围内的任意数。</translation>
        </message>
        <message>
            <source>SmoothL1 beta</source>
            <translation>SmoothL1 β</translation>
        </message>
        <message>
            <source>%1. In the units of y. The slider is logarithmic from 0.01 to 100; type any number in %2 (0 makes it L1).</source>
            <translation>%1。单位与 y 相同。滑块为 0.01 到 100 的对数刻度；可输入 %2 范围内的任意数（0 即为 L1）。</translation>
        </message>
        <message>
            <source>mean: Σℓ(ŷ−y)/M</source>
            <translation>平均：Σℓ(ŷ−y)/M</translation>
        </message>
        <message>
            <source>sum: Σℓ(ŷ−y)</source>
            <translation>求和：Σℓ(ŷ−y)</translation>
        </message>
        <message>
            <source>Regression loss reduction</source>
            <translation>回归损失的归约方式</translation>
        </message>
        <message>
            <source>How the points' losses combine: mean divides their sum by the number of points M; the note's formula is the sum. The classifier's MSE has its own reduction.</source>
            <translation>各点损失的合并方式：“平均”将它们的和除以点数 M；笔记中的公式用的是“求和”。分类器的 MSE 有自己的归约方式。</translation>
        </message>
        <message>
            <source>Red&amp;uction</source>
            <translation>归约方式(&amp;U)</translation>
        </message>
        <message>
            <source>Gradient descent θ ← θ − η·∇L</source>
            <translation>梯度下降 θ ← θ − η·∇L</translation>
        </message>
        <message>
            <source>η</source>
            <translation>η</translation>
        </message>
        <message>
            <source>Learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <source>Learning rate η: each step moves (w, b) by −η·∇L. The slider is logarithmic from 0.001 to 1; type up to 10 (large rates diverge).</source>
            <translation>学习率 η：每一步将 (w, b) 移动 −η·∇L。滑块为对数刻度，范围 0.001 到 1；最大可输入 10（学习率过大会发散）。</translation>
        </message>
        <message>
            <source>Steps drawn</source>
            <translation>绘制步数</translation>
        </message>
        <message>
            <source>Number of descent steps drawn</source>
            <translation>绘制的下降步数</translation>
        </message>
        <message>
            <source>How many gradient-descent steps the path on the surface and the loss-per-step plot show (0–%1)</source>
            <translation>曲面上的路径和每步损失图显示的梯度下降步数（0–%1）</translation>
        </message>
        <message>
            <source>Steps &amp;drawn</source>
            <translation>绘制步数(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Step</source>
            <translation>单步(&amp;S)</translation>
        </message>
        <message>
            <source>Take one descent step</source>
            <translation>执行一步下降</translation>
        </message>
        <message>
            <source>Move (w, b) one gradient-descent step: to the second point of the path</source>
            <translation>将 (w, b) 移动一步梯度下降：移到路径上的第二个点</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1: loss and gradient, two ways&lt;/b&gt;</source>
            <translation>&lt;b&gt;%1：损失与梯度，两种方法&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Play or pause gradient descent</source>
            <translation>播放或暂停梯度下降</translation>
        </message>
        <message>
            <source>Loss ℓ(r) of the residuals r = ŷ − y</source>
            <translation>残差 r = ŷ − y 的损失 ℓ(r)</translation>
        </message>
        <message>
            <source>Regression loss</source>
            <translation>回归损失</translation>
        </message>
        <message>
            <source>The loss of the fit, summed over the points (÷ M for the mean):
MSE: ℓ(r) = r²
L1: ℓ(r) = |r|, a corner at r = 0
Huber: ℓ(r) = r²/2 for |r| ≤ δ, δ·(|r| − δ/2) beyond
SmoothL1: ℓ(r) = r²/(2β) for |r| &lt; β, |r| − β/2 beyond (β = 0: |r|)</source>
            <translation>拟合的损失，对各点求和（取平均时 ÷ M）：
MSE：ℓ(r) = r²
L1：ℓ(r) = |r|，在 r = 0 处有尖角
Huber：|r| ≤ δ 时 ℓ(r) = r²/2，超出时为 δ·(|r| − δ/2)
SmoothL1：|r| &lt; β 时 ℓ(r) = r²/(2β)，超出时为 |r| − β/2（β = 0：|r|）</translation>
        </message>
        <message>
            <source>Take about 6 descent steps a second until paused, converged or diverged</source>
            <translation>每秒约执行 6 步下降，直到暂停、收敛或发散</translation>
        </message>
        <message>
            <source>&amp;Reset</source>
            <translation>重置(&amp;R)</translation>
        </message>
        <message>
            <source>Reset descent</source>
            <translation>重置下降</translation>
        </message>
        <message>
            <source>Back to the (w, b) where this descent began</source>
            <translation>回到本次下降开始时的 (w, b)</translation>
        </message>
    </context>
    <context>
        <name>RegressionTab</name>
        <message>
            <source>Regression controls</source>
            <translation>回归控制项</translation>
        </message>
        <message>
            <source>Reset descent</source>
            <translation>重置下降</translation>
        </message>
        <message>
            <source>Set w</source>
            <translation>设置 w</translation>
        </message>
        <message>
            <source>Set b</source>
            <translation>设置 b</translation>
        </message>
        <message>
            <source>Set learning rate</source>
            <translation>设置学习率</translation>
        </message>
        <message>
            <source>Set steps</source>
            <translation>设置步数</translation>
        </message>
        <message>
            <source>Reduction %1</source>
            <translation>归约方式 %1</translation>
        </message>
        <message>
            <source>Loss %1</source>
            <translation>损失 %1</translation>
        </message>
        <message>
            <source>Set Huber δ</source>
            <translation>设置 Huber δ</translation>
        </message>
        <message>
            <source>Set SmoothL1 β</source>
            <translation>设置 SmoothL1 β</translation>
        </message>
        <message>
            <source>Point %1 %2</source>
            <translation>点 %1 的 %2</translation>
        </message>
        <message>
            <source>Edit point %1</source>
            <translation>编辑点 %1</translation>
        </message>
        <message>
            <source>Add point</source>
            <translation>添加点</translation>
        </message>
        <message>
            <source>Remove point %1</source>
            <translation>删除点 %1</translation>
        </message>
        <message>
            <source>Drag point %1</source>
            <translation>拖动点 %1</translation>
        </message>
        <message>
            <source>Drag the line</source>
            <translation>拖动直线</translation>
        </message>
        <message>
            <source>Move (w, b) on the surface</source>
            <translation>在曲面上移动 (w, b)</translation>
        </message>
        <message>
            <source>Fit surface ranges</source>
            <translation>适配曲面范围</translation>
        </message>
        <message>
            <source>Descent step</source>
            <translation>下降一步</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>Some saved settings could not be used and were reset: %1</source>
            <translation>部分已保存的设置无法使用，已重置：%1</translation>
        </message>
        <message>
            <source>window geometry</source>
            <translation>窗口位置和大小</translation>
        </message>
        <message>
            <source>language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>theme</source>
            <translation>主题</translation>
        </message>
        <message>
            <source>presentation mode</source>
            <translation>演示模式</translation>
        </message>
        <message>
            <source>last session's state</source>
            <translation>上次会话的状态</translation>
        </message>
        <message>
            <source>recent files</source>
            <translation>最近打开的文件</translation>
        </message>
        <message>
            <source>export folder</source>
            <translation>导出文件夹</translation>
        </message>
        <message>
            <source>exported view</source>
            <translation>导出的视图</translation>
        </message>
        <message>
            <source>export format</source>
            <translation>导出格式</translation>
        </message>
        <message>
            <source>export scale</source>
            <translation>导出缩放</translation>
        </message>
        <message>
            <source>transparent export</source>
            <translation>透明导出</translation>
        </message>
        <message>
            <source>export size</source>
            <translation>导出尺寸</translation>
        </message>
        <message>
            <source>animation choices</source>
            <translation>动画选项</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsWindow</name>
        <message>
            <source>← / → or ↓ / ↑</source>
            <translation>← / → 或 ↓ / ↑</translation>
        </message>
        <message>
            <source>On a focused slider: move one step (1/200 of its range).</source>
            <translation>在获得焦点的滑块上：移动一步（其范围的 1/200）。</translation>
        </message>
        <message>
            <source>Shift+← / → or Shift+↓ / ↑</source>
            <translation>Shift+← / → 或 Shift+↓ / ↑</translation>
        </message>
        <message>
            <source>On a focused slider: move finely, one tenth of a step.</source>
            <translation>在获得焦点的滑块上：精细移动，每次十分之一步。</translation>
        </message>
        <message>
            <source>PageUp / PageDown</source>
            <translation>PageUp / PageDown</translation>
        </message>
        <message>
            <source>On a focused slider: move ten steps.</source>
            <translation>在获得焦点的滑块上：移动十步。</translation>
        </message>
        <message>
            <source>Home / End</source>
            <translation>Home / End</translation>
        </message>
        <message>
            <source>On a focused slider: go to its minimum or maximum.</source>
            <translation>在获得焦点的滑块上：移到最小值或最大值。</translation>
        </message>
        <message>
            <source>↑ / ↓</source>
            <translation>↑ / ↓</translation>
        </message>
        <message>
            <source>In a number box: step the value up or down. Type a value and press Enter to apply it.</source>
            <translation>在数值框中：增大或减小数值。输入数值后按 Enter 即可应用。</translation>
        </message>
        <message>
            <source>Tab / Shift+Tab</source>
            <translation>Tab / Shift+Tab</translation>
        </message>
        <message>
            <source>Move to the next or previous control.</source>
            <translation>移到下一个或上一个控件。</translation>
        </message>
        <message>
            <source>In the focused Jacobian map: select the next or previous row and check it against autograd.</source>
            <translation>在获得焦点的雅可比矩阵热力图中：选中下一行或上一行，并将其与 autograd 的结果对照。</translation>
        </message>
        <message>
            <source>Esc</source>
            <translation>Esc</translation>
        </message>
        <message>
            <source>In the focused Jacobian map: clear the selected row.</source>
            <translation>在获得焦点的雅可比矩阵热力图中：取消选中的行。</translation>
        </message>
        <message>
            <source>↑ / ↓, PageUp / PageDown, Home / End</source>
            <translation>↑ / ↓、PageUp / PageDown、Home / End</translation>
        </message>
        <message>
            <source>In the focused gradients table: scroll its rows.</source>
            <translation>在获得焦点的梯度表中：滚动其中的行。</translation>
        </message>
        <message>
            <source>Alt+underlined letter</source>
            <translation>Alt+带下划线的字母</translation>
        </message>
        <message>
            <source>Open that menu, or move to the control whose label has that letter underlined.</source>
            <translation>打开对应的菜单，或移到标签中该字母带下划线的控件。</translation>
        </message>
        <message>
            <source>Undo the last change</source>
            <translation>撤销上一次更改</translation>
        </message>
        <message>
            <source>Redo the last undone change</source>
            <translation>重做上一次撤销的更改</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>按键</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
    </context>
    <context>
        <name>SlicePlot</name>
        <message>
            <source>Loss along w at the current b, with the tangent line</source>
            <translation>当前 b 下损失沿 w 的变化及切线</translation>
        </message>
        <message>
            <source>Slope dL/dw</source>
            <translation>斜率 dL/dw</translation>
        </message>
        <message>
            <source>w</source>
            <translation>w</translation>
        </message>
        <message>
            <source>L</source>
            <translation>L</translation>
        </message>
        <message>
            <source>&lt;b&gt;Slice&lt;/b&gt; %1 L(w) at b, tangent slope ∂L/∂w</source>
            <translation>&lt;b&gt;切片&lt;/b&gt; 当前 b 下的 %1 L(w)，切线斜率 ∂L/∂w</translation>
        </message>
        <message>
            <source>∂L/∂w = %1 at w = %2, b = %3:
the slope of the dashed tangent</source>
            <translation>在 w = %2、b = %3 处 ∂L/∂w = %1：
即虚线切线的斜率</translation>
        </message>
    </context>
    <context>
        <name>SoftmaxView</name>
        <message>
            <source>Probability ratio readout</source>
            <translation>概率比读数</translation>
        </message>
        <message>
            <source>Softmax probabilities and gradient bars</source>
            <translation>softmax 概率与梯度条</translation>
        </message>
        <message>
            <source>class i</source>
            <translation>类别 i</translation>
        </message>
        <message>
            <source>value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>%1 p&lt;sub&gt;i&lt;/sub&gt; &amp;nbsp; &lt;b&gt;▬&lt;/b&gt; target y&lt;sub&gt;eff&lt;/sub&gt; &amp;nbsp; &lt;b&gt;┆&lt;/b&gt; −log p&lt;sub&gt;y&lt;/sub&gt; &amp;nbsp; %2%3 ∂%4/∂a&lt;sub&gt;i&lt;/sub&gt; (red +, blue −)</source>
            <translation>%1 p&lt;sub&gt;i&lt;/sub&gt; &amp;nbsp; &lt;b&gt;▬&lt;/b&gt; 目标 y&lt;sub&gt;eff&lt;/sub&gt; &amp;nbsp; &lt;b&gt;┆&lt;/b&gt; −log p&lt;sub&gt;y&lt;/sub&gt; &amp;nbsp; %2%3 ∂%4/∂a&lt;sub&gt;i&lt;/sub&gt;（红色 +，蓝色 −）</translation>
        </message>
        <message>
            <source>&lt;b&gt;Softmax&lt;/b&gt; p = softmax(a/T) · target y&lt;sub&gt;eff&lt;/sub&gt; · gradient ∂%1/∂a</source>
            <translation>&lt;b&gt;Softmax&lt;/b&gt; p = softmax(a/T) · 目标 y&lt;sub&gt;eff&lt;/sub&gt; · 梯度 ∂%1/∂a</translation>
        </message>
        <message>
            <source>p%1/p%2 = %3/%4 = %5 = e^((a%1 − a%2)/T) = e^%6:</source>
            <translation>p%1/p%2 = %3/%4 = %5 = e^((a%1 − a%2)/T) = e^%6：</translation>
        </message>
        <message>
            <source>p%1/p%2 = e^((a%1 − a%2)/T) = e^%6 (beyond float64):</source>
            <translation>p%1/p%2 = e^((a%1 − a%2)/T) = e^%6（超出 float64 范围）：</translation>
        </message>
        <message>
            <source>the gap a%1 − a%2 sets it, not a%1/a%2 = %3 (the note's 0.7/0.2 = 3.5 is rounding).</source>
            <translation>决定它的是差 a%1 − a%2，而不是比 a%1/a%2 = %3（笔记中的 0.7/0.2 = 3.5 来自四舍五入）。</translation>
        </message>
        <message>
            <source>the gap a%1 − a%2 sets it, not a%1/a%2 (the note's 0.7/0.2 = 3.5 is rounding).</source>
            <translation>决定它的是差 a%1 − a%2，而不是比 a%1/a%2（笔记中的 0.7/0.2 = 3.5 来自四舍五入）。</translation>
        </message>
        <message>
            <source>┆ CE = −log p%1 = %2 (target %3)</source>
            <translation>┆ CE = −log p%1 = %2（目标 %3）</translation>
        </message>
        <message>
            <source>┆ −log p%1 = %2; CE = −Σ y_eff·log p = %4 (smoothed/soft target)</source>
            <translation>┆ −log p%1 = %2；CE = −Σ y_eff·log p = %4（平滑/软目标）</translation>
        </message>
    </context>
    <context>
        <name>StateStore</name>
        <message>
            <source>Change</source>
            <translation>更改</translation>
        </message>
    </context>
    <context>
        <name>StepsPlot</name>
        <message>
            <source>Loss at each gradient-descent step, log scale</source>
            <translation>每步梯度下降的损失，对数刻度</translation>
        </message>
        <message>
            <source>Loss at the first and last step</source>
            <translation>第一步与最后一步的损失</translation>
        </message>
        <message>
            <source>step</source>
            <translation>步</translation>
        </message>
        <message>
            <source>L</source>
            <translation>L</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 per step&lt;/b&gt; of descent (log)</source>
            <translation>&lt;b&gt;每步下降的 %1&lt;/b&gt;（对数）</translation>
        </message>
        <message>
            <source>step 0: L = %1
step %2: L = %3 (diverged)</source>
            <translation>第 0 步：L = %1
第 %2 步：L = %3（已发散）</translation>
        </message>
        <message>
            <source>step 0: L = %1
step %2: L = %3</source>
            <translation>第 0 步：L = %1
第 %2 步：L = %3</translation>
        </message>
        <message>
            <source>%4 steps taken (dotted), step 0: L = %1
step %2: L = %3</source>
            <translation>已走 %4 步（虚线），第 0 步：L = %1
第 %2 步：L = %3</translation>
        </message>
    </context>
    <context>
        <name>Surface3D</name>
        <message>
            <source>Loss surface in 3-D</source>
            <translation>三维损失曲面</translation>
        </message>
    </context>
    <context>
        <name>SurfaceView</name>
        <message>
            <source>3-D</source>
            <translation>三维</translation>
        </message>
        <message>
            <source>Show the surface in 3-D</source>
            <translation>以三维显示曲面</translation>
        </message>
        <message>
            <source>Show the same surface in 3-D (drag to rotate, wheel to zoom)</source>
            <translation>以三维显示同一曲面（拖动可旋转，滚轮可缩放）</translation>
        </message>
        <message>
            <source>Gradient at the current point</source>
            <translation>当前点处的梯度</translation>
        </message>
        <message>
            <source>The arrow points along −∇L, downhill; its length grows with |∇L|, so a vanishing gradient draws almost none</source>
            <translation>箭头沿 −∇L 方向，即下坡方向；其长度随 |∇L| 增大，因此梯度消失时几乎看不到箭头</translation>
        </message>
        <message>
            <source>Loss surface heatmap</source>
            <translation>损失曲面热力图</translation>
        </message>
        <message>
            <source>&lt;b&gt;Loss surface&lt;/b&gt; %1 over (a&lt;sub&gt;%2&lt;/sub&gt;, a&lt;sub&gt;%3&lt;/sub&gt;), other logits fixed</source>
            <translation>&lt;b&gt;损失曲面&lt;/b&gt; %1 随 (a&lt;sub&gt;%2&lt;/sub&gt;, a&lt;sub&gt;%3&lt;/sub&gt;) 的变化，其余 logit 固定</translation>
        </message>
        <message>
            <source> (outside the plotted range)</source>
            <translation>（超出绘图范围）</translation>
        </message>
        <message>
            <source>At (a%1, a%2) = (%3, %4)%5: %6 = %7, −∇%6 = (%8, %9), the arrow (downhill)</source>
            <translation>在 (a%1, a%2) = (%3, %4)%5：%6 = %7，−∇%6 = (%8, %9)，即箭头方向（下坡）</translation>
        </message>
    </context>
    <context>
        <name>TargetEditor</name>
        <message>
            <source>S&amp;oft target (probabilities)</source>
            <translation>软目标（概率）(&amp;O)</translation>
        </message>
        <message>
            <source>Soft target</source>
            <translation>软目标</translation>
        </message>
        <message>
            <source>Use a probability for every class instead of one class. Moving one probability rescales the others in proportion, so they always sum to 1.</source>
            <translation>为每个类别指定一个概率，而不是只指定一个类别。拖动其中一个概率时，其余概率按比例缩放，使总和始终为 1。</translation>
        </message>
        <message>
            <source>Target class</source>
            <translation>目标类别</translation>
        </message>
        <message>
            <source>The index of the true class</source>
            <translation>真实类别的索引</translation>
        </message>
        <message>
            <source>Moving one probability rescales the others in proportion, so they always sum to 1.</source>
            <translation>拖动其中一个概率时，其余概率按比例缩放，使总和始终为 1。</translation>
        </message>
        <message>
            <source>Target class %1</source>
            <translation>目标类别 %1</translation>
        </message>
        <message>
            <source>Class %1 is the true class</source>
            <translation>类别 %1 为真实类别</translation>
        </message>
        <message>
            <source>Target probability %1</source>
            <translation>目标概率 %1</translation>
        </message>
        <message>
            <source>Target probability of class %1; the others rescale so all sum to 1</source>
            <translation>类别 %1 的目标概率；其余概率随之缩放，使总和为 1</translation>
        </message>
        <message>
            <source>Soft targets are edited with sliders, shown up to %1 classes; load a state file for more.</source>
            <translation>软目标用滑块编辑，最多显示 %1 个类别；类别更多时请加载状态文件。</translation>
        </message>
        <message>
            <source>Class target</source>
            <translation>类别目标</translation>
        </message>
        <message>
            <source>Set y%1</source>
            <translation>设置 y%1</translation>
        </message>
    </context>
    <context>
        <name>TwoWaysTab</name>
        <message>
            <source>Way 1: torch.autograd.grad(loss, [w, b])</source>
            <translation>方法 1：torch.autograd.grad(loss, [w, b])</translation>
        </message>
        <message>
            <source>Way 2: loss.backward(), then w.grad and b.grad</source>
            <translation>方法 2：先 loss.backward()，再读取 w.grad 和 b.grad</translation>
        </message>
        <message>
            <source>.grad accumulates: backward twice, then zero</source>
            <translation>.grad 会累加：两次 backward，然后清零</translation>
        </message>
        <message>
            <source>Results, side by side</source>
            <translation>结果对照</translation>
        </message>
        <message>
            <source>autograd.grad</source>
            <translation>autograd.grad</translation>
        </message>
        <message>
            <source>backward()/.grad</source>
            <translation>backward()/.grad</translation>
        </message>
        <message>
            <source>closed form</source>
            <translation>闭式解</translation>
        </message>
        <message>
            <source>Agreement and accumulation</source>
            <translation>一致性与累加</translation>
        </message>
        <message>
            <source>loss = %1 (reduction %2). %3. Largest difference between the ways: %4.
A second backward without zeroing adds to .grad: w.grad %5 → %6; after w.grad.zero_() it is %7 again.</source>
            <translation>loss = %1（归约方式 %2）。%3。两种方法之间的最大差值：%4。
不清零就再做一次 backward 会累加到 .grad 上：w.grad 从 %5 变为 %6；调用 w.grad.zero_() 之后又变回 %7。</translation>
        </message>
    </context>
    <context>
        <name>ViewBox</name>
        <message>
            <source>ViewBox options</source>
            <translation>视图选项</translation>
        </message>
        <message>
            <source>View All</source>
            <translation>显示全部</translation>
        </message>
        <message>
            <source>axis</source>
            <translation>轴</translation>
        </message>
        <message>
            <source>Mouse Mode</source>
            <translation>鼠标模式</translation>
        </message>
        <message>
            <source>3 button</source>
            <translation>三键</translation>
        </message>
        <message>
            <source>1 button</source>
            <translation>单键</translation>
        </message>
    </context>
    <context>
        <name>ViewGrid</name>
        <message>
            <source>Double-click to show this view alone; again for all four</source>
            <translation>双击只显示这个视图；再双击显示全部四个</translation>
        </message>
    </context>
    <context>
        <name>Views</name>
        <message>
            <source>Softmax</source>
            <translation>Softmax</translation>
        </message>
        <message>
            <source>Jacobian</source>
            <translation>雅可比矩阵</translation>
        </message>
        <message>
            <source>Loss surface</source>
            <translation>损失曲面</translation>
        </message>
        <message>
            <source>Gradients &amp; checks</source>
            <translation>梯度与校验</translation>
        </message>
        <message>
            <source>Regression</source>
            <translation>回归</translation>
        </message>
        <message>
            <source>Saturation</source>
            <translation>饱和</translation>
        </message>
        <message>
            <source>Two ways</source>
            <translation>两种方法</translation>
        </message>
        <message>
            <source>Binary</source>
            <translation>二分类</translation>
        </message>
        <message>
            <source>Autograd graph</source>
            <translation>Autograd 计算图</translation>
        </message>
        <message>
            <source>Pitfalls</source>
            <translation>常见错误</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
    </context>
    <context>
        <name>dialogs</name>
        <message>
            <source>About Loss Lens</source>
            <translation>关于 Loss Lens</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Loss Lens&lt;/h3&gt;&lt;p&gt;Loss functions and their gradients, made visible. Every number is computed by torch in float64: the softmax, cross-entropy and MSE, their gradients three independent ways, and the softmax Jacobian two ways.&lt;/p&gt;&lt;p&gt;Built on PySide6, pyqtgraph, torch and numpy.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Loss Lens&lt;/h3&gt;&lt;p&gt;让损失函数及其梯度清晰可见。每个数值都由 torch 以 float64 计算：softmax、交叉熵和 MSE，用三种独立方法计算的梯度，以及用两种方法计算的 softmax 雅可比矩阵。&lt;/p&gt;&lt;p&gt;基于 PySide6、pyqtgraph、torch 和 numpy 构建。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Open state</source>
            <translation>打开状态</translation>
        </message>
        <message>
            <source>Loss Lens state (*.json)</source>
            <translation>Loss Lens 状态文件 (*.json)</translation>
        </message>
        <message>
            <source>Replace the file?</source>
            <translation>替换文件？</translation>
        </message>
        <message>
            <source>%1 already exists. Replace it?</source>
            <translation>%1 已存在。要替换它吗？</translation>
        </message>
        <message>
            <source>Export figure</source>
            <translation>导出图</translation>
        </message>
        <message>
            <source>View to export</source>
            <translation>要导出的视图</translation>
        </message>
        <message>
            <source>The whole window or one view</source>
            <translation>整个窗口或单个视图</translation>
        </message>
        <message>
            <source>PNG image</source>
            <translation>PNG 图片</translation>
        </message>
        <message>
            <source>SVG vector image</source>
            <translation>SVG 矢量图</translation>
        </message>
        <message>
            <source>PDF vector document</source>
            <translation>PDF 矢量文档</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <source>PNG for slides and documents; SVG and PDF stay sharp at any size</source>
            <translation>PNG 适合幻灯片和文档；SVG 和 PDF 在任何尺寸下都清晰</translation>
        </message>
        <message>
            <source>Lay out at</source>
            <translation>排版尺寸</translation>
        </message>
        <message>
            <source>Unchecked: the view as it is on screen. Checked: the view laid out at this width and height in pixels</source>
            <translation>不勾选：按屏幕上的样子导出。勾选：按此宽度和高度（像素）重新排版视图</translation>
        </message>
        <message>
            <source>Width in pixels</source>
            <translation>宽度（像素）</translation>
        </message>
        <message>
            <source>Height in pixels</source>
            <translation>高度（像素）</translation>
        </message>
        <message>
            <source>PNG scale</source>
            <translation>PNG 缩放比例</translation>
        </message>
        <message>
            <source>Pixels per screen pixel of a PNG: 2× has twice the detail; SVG and PDF are vector</source>
            <translation>PNG 每个屏幕像素对应的像素数：2× 细节加倍；SVG 和 PDF 是矢量格式</translation>
        </message>
        <message>
            <source>&amp;Transparent background (PNG)</source>
            <translation>透明背景（PNG）(&amp;T)</translation>
        </message>
        <message>
            <source>No background behind the plots and text, for a slide of any colour</source>
            <translation>图和文字后面没有背景，适合任何颜色的幻灯片</translation>
        </message>
        <message>
            <source>Ends in .png, .svg or .pdf</source>
            <translation>以 .png、.svg 或 .pdf 结尾</translation>
        </message>
        <message>
            <source>The PNG: %1 × %2 pixels</source>
            <translation>PNG：%1 × %2 像素</translation>
        </message>
        <message>
            <source>The PNG: the on-screen size × %1</source>
            <translation>PNG：屏幕尺寸 × %1</translation>
        </message>
        <message>
            <source>Type a file name.</source>
            <translation>请输入文件名。</translation>
        </message>
        <message>
            <source>PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)</source>
            <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <source>File name</source>
            <translation>文件名</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Choose the file</source>
            <translation>选择文件</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <source>Put the picture (PNG) on the clipboard instead of saving it</source>
            <translation>把图片（PNG）放到剪贴板，而不是保存</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>F&amp;ormat</source>
            <translation>格式(&amp;O)</translation>
        </message>
        <message>
            <source>Si&amp;ze</source>
            <translation>尺寸(&amp;Z)</translation>
        </message>
        <message>
            <source>&amp;Scale (PNG)</source>
            <translation>缩放比例（PNG）(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
    </context>
    <context>
        <name>gl</name>
        <message>
            <source>3-D needs OpenGL, which Qt cannot render offscreen (pyqtgraph would crash); run with a display to use it.</source>
            <translation>三维视图需要 OpenGL，而 Qt 无法在离屏模式下渲染 OpenGL（pyqtgraph 会崩溃）；请在有显示器的环境中运行以使用它。</translation>
        </message>
        <message>
            <source>3-D needs PyOpenGL and a working OpenGL driver; neither loaded.</source>
            <translation>三维视图需要 PyOpenGL 和可用的 OpenGL 驱动程序，但未能加载。</translation>
        </message>
        <message>
            <source>3-D needs OpenGL, and no OpenGL context could be created here.</source>
            <translation>三维视图需要 OpenGL，但此处无法创建 OpenGL 上下文。</translation>
        </message>
        <message>
            <source>3-D needs OpenGL, and the OpenGL context could not be used here.</source>
            <translation>三维视图需要 OpenGL，但此处无法使用 OpenGL 上下文。</translation>
        </message>
    </context>
    <context>
        <name>Presets</name>
        <message>
            <source>softmax [2, 1, 0.1]</source>
            <translation>softmax [2, 1, 0.1]</translation>
        </message>
        <message>
            <source>The note's softmax example: 2 and 1 become 0.66 and 0.24, a ratio of e.</source>
            <translation>笔记中的 softmax 示例：2 和 1 变为 0.66 和 0.24，二者之比为 e。</translation>
        </message>
        <message>
            <source>MSE x=1, w=2</source>
            <translation>MSE x=1, w=2</translation>
        </message>
        <message>
            <source>The note's MSE example: x = 1, y = 1, w = 2 gives loss 1 and ∂L/∂w = 2.</source>
            <translation>笔记中的 MSE 示例：x = 1、y = 1、w = 2 时损失为 1，∂L/∂w = 2。</translation>
        </message>
        <message>
            <source>confidently wrong: MSE vs CE</source>
            <translation>错得很自信：MSE 与 CE 对比</translation>
        </message>
        <message>
            <source>The true class has the lowest logit: CE still pushes hard, MSE's gradient nearly vanishes.</source>
            <translation>真实类别的 logit 最低：CE 仍然强力推动，MSE 的梯度却几乎消失。</translation>
        </message>
        <message>
            <source>huge logits ±1000</source>
            <translation>超大 logit ±1000</translation>
        </message>
        <message>
            <source>Logits of ±1000: a stable softmax gives exact 0 and 1, never NaN.</source>
            <translation>logit 为 ±1000：数值稳定的 softmax 给出精确的 0 和 1，绝不会出现 NaN。</translation>
        </message>
        <message>
            <source>low temperature</source>
            <translation>低温度</translation>
        </message>
        <message>
            <source>T = 0.1 sharpens the softmax: the ratio p0/p1 = e^((a0 − a1)/T) becomes e^10.</source>
            <translation>T = 0.1 会使 softmax 变得更尖锐：比值 p0/p1 = e^((a0 − a1)/T) 变为 e^10。</translation>
        </message>
        <message>
            <source>label smoothing</source>
            <translation>标签平滑</translation>
        </message>
        <message>
            <source>ε = 0.1 moves 10% of the target's mass evenly onto all classes: y_eff = 0.9·y + 0.1/N.</source>
            <translation>ε = 0.1 将目标 10% 的概率质量均匀分给所有类别：y_eff = 0.9·y + 0.1/N。</translation>
        </message>
        <message>
            <source>focal: easy examples fade</source>
            <translation>focal：弱化容易样本</translation>
        </message>
        <message>
            <source>γ = 2 down-weights what is already right: for this easy example the focal loss is 135× below BCE with logits; for a wrong one only about 4×.</source>
            <translation>γ = 2 降低已经正确的样本的权重：对这个容易样本，focal 损失比基于 logits 的 BCE 小 135 倍；对错误的样本只小约 4 倍。</translation>
        </message>
        <message>
            <source>hinge: flat beyond the margin</source>
            <translation>hinge：超过间隔后变平</translation>
        </message>
        <message>
            <source>The target's logit beats every other by more than the margin: the hinge is 0 with gradient 0, while cross-entropy still pushes.</source>
            <translation>目标的 logit 比其他每个 logit 都大出超过间隔：hinge 损失为 0，梯度为 0，而交叉熵仍在推动。</translation>
        </message>
        <message>
            <source>KL: distillation at T = 4</source>
            <translation>KL：T = 4 时的蒸馏</translation>
        </message>
        <message>
            <source>The target is a teacher's softmax at T = 4 (teacher logits 5, 2, −1): KL = CE − H(target), so its gradient is cross-entropy's, (p − y)/T.</source>
            <translation>目标是教师模型在 T = 4 时的 softmax（教师 logit 为 5、2、−1）：KL = CE − H(目标)，所以其梯度就是交叉熵的梯度 (p − y)/T。</translation>
        </message>
        <message>
            <source>BCE on σ(z): stuck at 100</source>
            <translation>σ(z) 上的 BCE：卡在 100</translation>
        </message>
        <message>
            <source>σ(40) rounds to 1 in float64: binary_cross_entropy on σ(z) sticks at 100 with gradient 0, while the with-logits form gives 40 and 1.</source>
            <translation>σ(40) 在 float64 中舍入为 1：基于 σ(z) 的 binary_cross_entropy 停在 100，梯度为 0，而基于 logits 的形式给出 40 和 1。</translation>
        </message>
    </context>
</TS>